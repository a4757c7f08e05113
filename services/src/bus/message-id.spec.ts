import { describe, expect, it } from 'vitest';
import { wireMessageIds } from './message-id.js';

describe('the message id an outbox row carries on the bus', () => {
  const italy = wireMessageIds('italy-private-key-material-0001');
  const row = '0196a4f2-7c00-7000-8000-000000000001:2:ne-ppn';

  it('is the same for the same row at every resend, also after a restart', () => {
    expect(italy(row)).toBe(wireMessageIds('italy-private-key-material-0001')(row));
  });

  it('cannot be predicted by another member from what it knows of the row', () => {
    expect(italy(row)).not.toContain('0196a4f2');
    expect(italy(row)).not.toBe(wireMessageIds('nigeria-private-key-material-01')(row));
    expect(italy(row)).not.toBe(italy('0196a4f2-7c00-7000-8000-000000000001:2:ng-nis'));
  });

  it('refuses to run without the node’s secret', () => {
    expect(() => wireMessageIds('')).toThrow(/private key/);
  });
});
