import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAlertSigner, createDelegationSigner, type Jwks } from '@corridor/proto';
import { afterAll, describe, expect, it } from 'vitest';
import { makeAgencyKeys } from './agency-keys.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-agency-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('./corridor keys', () => {
  it('writes the private halves for the node alone and the public halves in the membership’s shape', async () => {
    const out = join(dir, 'first');
    const files = await makeAgencyKeys('it-polfr', out, new Date('2026-12-01T10:00:00Z'));
    expect(statSync(files.signing).mode & 0o777).toBe(0o600);
    expect(statSync(files.delegation).mode & 0o777).toBe(0o600);
    const signing = JSON.parse(readFileSync(files.signing, 'utf8'));
    const delegation = JSON.parse(readFileSync(files.delegation, 'utf8'));
    expect(signing).toMatchObject({ kid: 'it-polfr-alerts-20261201', d: expect.any(String) });
    expect(delegation).toMatchObject({ kid: 'it-polfr-delegation-20261201', d: expect.any(String) });
    const published = JSON.parse(readFileSync(files.publicKeys, 'utf8')) as {
      agency: string;
      alertSigningKeys: Jwks;
      delegationKeys: Jwks;
    };
    expect(published.agency).toBe('it-polfr');
    expect(JSON.stringify(published)).not.toContain('"d"');
    expect(published.delegationKeys.keys.map((k) => k.kid)).toEqual([delegation.kid]);
    // The node can use what it was given.
    await createDelegationSigner('it-polfr', delegation);
    expect((await createAlertSigner(signing)).kid).toBe(signing.kid);
  });

  it('never overwrites a key, and names a bad agency id', async () => {
    const out = join(dir, 'second');
    await makeAgencyKeys('ne-ppn', out);
    const before = readFileSync(join(out, 'signing.jwk.json'), 'utf8');
    await expect(makeAgencyKeys('ne-ppn', out)).rejects.toThrow(/--out: .*signing\.jwk\.json exists already/);
    expect(readFileSync(join(out, 'signing.jwk.json'), 'utf8')).toBe(before);
    await expect(makeAgencyKeys('NE PPN', join(dir, 'third'))).rejects.toThrow('--agency: NE PPN is not an agency id');
  });
});
