import { describe, expect, it } from 'vitest';
import { unauthenticatedReason } from './auth-failure';

describe('sending the officer back to sign-in', () => {
  it('explains a refused token by its reason', () => {
    const errors = [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED', reason: 'expired' } }];
    expect(unauthenticatedReason(errors, 401)).toBe('Your session has expired. Please sign in again.');
  });

  it('falls back to the gateway’s message for a reason it does not know', () => {
    const errors = [{ message: 'the token is odd', extensions: { code: 'UNAUTHENTICATED', reason: 'odd' } }];
    expect(unauthenticatedReason(errors)).toBe('the token is odd');
  });

  it('treats a bare HTTP 401 as a refusal', () => {
    expect(unauthenticatedReason([], 401)).toMatch(/HTTP 401/);
  });

  it('leaves other failures to the page that asked', () => {
    const errors = [{ message: 'agency ne-ppn did not answer', extensions: { code: 'NODE_UNAVAILABLE', agency: 'ne-ppn' } }];
    expect(unauthenticatedReason(errors, 200)).toBeNull();
  });
});
