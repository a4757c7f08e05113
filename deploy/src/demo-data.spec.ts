import { alertInput, createTokenVerifier, directoryEntries, fieldErrorsOf } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_ALERTS, DEMO_DIRECTORY, DEMO_USERS } from './demo-data.js';
import { createDevIssuer } from './dev-token-issuer.js';
import { newKeyPair } from './keys.js';

describe('demo data', () => {
  it('has a valid directory for every agency, each entry its own agency’s', () => {
    for (const agency of DEMO_AGENCIES) {
      const result = directoryEntries.safeParse(DEMO_DIRECTORY[agency.id]);
      expect(result.success ? [] : fieldErrorsOf(result.error)).toEqual([]);
      expect(DEMO_DIRECTORY[agency.id]?.every((e) => e.agency === agency.id)).toBe(true);
    }
  });

  it('has valid alerts, each published by a user of an existing agency', () => {
    for (const { user, input } of DEMO_ALERTS) {
      const result = alertInput.safeParse(input);
      expect(result.success ? [] : fieldErrorsOf(result.error)).toEqual([]);
      expect(DEMO_USERS.some((u) => u.id === user)).toBe(true);
    }
  });
});

describe('development token issuer', () => {
  it('mints tokens that the network’s verifier accepts with the user’s claims', async () => {
    const keys = await newKeyPair('it-1');
    const membership = {
      network: { id: 'demo', name: 'Demo' },
      audience: 'corridor',
      version: 1,
      agencies: [
        {
          id: 'it-polfr',
          name: 'Polizia di Frontiera',
          country: 'ITA' as const,
          networks: ['liaison-central-med'],
          nodeUrl: 'http://127.0.0.1:1/graphql',
          tokenIssuer: { issuer: 'https://issuer.it-polfr.invalid/', jwks: { keys: [keys.publicJwk] } },
          alertSigningKeys: { keys: [keys.publicJwk] },
        },
      ],
    };
    const issuer = createDevIssuer(membership, { 'it-polfr': keys }, [
      { id: 'giulia', name: 'Giulia Russo', agency: 'it-polfr', roles: ['border_officer'] },
    ]);
    const claims = await createTokenVerifier(() => membership).verify(`Bearer ${await issuer.mint('giulia')}`);
    expect(claims).toMatchObject({
      sub: 'giulia',
      agency: 'it-polfr',
      country: 'ITA',
      roles: ['border_officer'],
      networks: ['liaison-central-med'],
    });
    await expect(issuer.mint('nobody')).rejects.toThrow(/no demo user/);
  });
});
