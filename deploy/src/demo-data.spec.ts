import { alertInput, directoryEntries, directoryEntry, fieldErrorsOf, isTelephoneChannel, readDirectoryPhone } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_ALERTS, DEMO_DIRECTORY, DEMO_USERS } from './demo-data.js';

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

describe('demo data covers the story it is meant to tell', () => {
  it('has a dozen directory entries, each valid on its own, with one stale (> 180 days unverified)', () => {
    const entries = Object.values(DEMO_DIRECTORY).flat();
    expect(entries.length).toBeGreaterThanOrEqual(12);
    for (const e of entries) expect(directoryEntry.safeParse(e).success).toBe(true);
    const now = Date.parse('2026-11-24');
    expect(entries.filter((e) => now - Date.parse(e.lastVerified) > 180 * 86_400_000).length).toBeGreaterThanOrEqual(1);
  });

  it('gives every desk and officer a phone or fax number valid in its country’s numbering plan', () => {
    const numbers = Object.values(DEMO_DIRECTORY)
      .flat()
      .flatMap((e) => e.channels.filter((c) => isTelephoneChannel(c.type)).map((c) => [c.value, readDirectoryPhone(c.value, e.country)]));
    expect(numbers.length).toBeGreaterThanOrEqual(10);
    expect(numbers.filter(([, reading]) => !(typeof reading === 'object' && 'e164' in reading)).map(([value]) => value)).toEqual([]);
  });

  it('has an authority for formal requests at both ends of the central Mediterranean story (Italy and Niger)', () => {
    for (const agency of ['it-polfr', 'ne-ppn']) {
      expect(DEMO_DIRECTORY[agency]?.some((e) => e.roles.includes('central_authority_mla'))).toBe(true);
      // Someone who may send and answer them: a prosecutor or a central authority (proto requestRoleProblem).
      expect(DEMO_USERS.some((u) => u.agency === agency && u.roles.some((r) => r === 'prosecutor' || r === 'central_authority'))).toBe(
        true,
      );
    }
  });

  it('has route and document-fraud alerts at GREEN, AMBER (with recipients) and RED', () => {
    const inputs = DEMO_ALERTS.map((a) => a.input);
    expect(new Set(inputs.map((a) => a.kind))).toEqual(new Set(['route', 'document_fraud']));
    expect(new Set(inputs.map((a) => a.tlp))).toEqual(new Set(['GREEN', 'AMBER', 'RED']));
    for (const a of inputs.filter((i) => i.tlp === 'AMBER')) expect(a.recipients?.length).toBeGreaterThan(0);
  });
});
