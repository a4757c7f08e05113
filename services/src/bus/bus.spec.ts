import { describe, expect, it } from 'vitest';
import { inboxStreamConfig, lacksInboxLimits } from './bus.js';

describe('the inbox stream of an agency', () => {
  const base = { stream: 'CORRIDOR_INBOX', subjectRoot: 'corridor', agency: 'ne-ppn' };

  it('on a server of its own: takes the subjects partners publish to, and nothing else', () => {
    const c = inboxStreamConfig(base);
    expect(c.subjects).toEqual(['corridor.inbox.ne-ppn.>']);
    expect(c.sources).toBeUndefined();
  });

  it('on a leaf of the hub: takes no subjects and sources the transit stream of its name from the hub’s domain', () => {
    const c = inboxStreamConfig({ ...base, hubDomain: 'hub' });
    expect(c.subjects).toBeUndefined();
    expect(c.sources).toEqual([{ name: 'CORRIDOR_INBOX', domain: 'hub' }]);
  });

  it('keeps at most 14 days and 1 GiB, the oldest going first, on a leaf as on a server of its own', () => {
    for (const c of [inboxStreamConfig(base), inboxStreamConfig({ ...base, hubDomain: 'hub' })]) {
      expect(c.max_age).toBe(14 * 86_400 * 1e9);
      expect(c.max_bytes).toBe(1024 ** 3);
      expect(c.discard).toBe('old');
    }
  });

  it('keeps a message as long as the retention document says, never longer than the hub', () => {
    expect(inboxStreamConfig({ ...base, maxAgeMs: 3_600_000 }).max_age).toBe(3600 * 1e9);
    expect(inboxStreamConfig({ ...base, maxAgeMs: 30 * 86_400_000 }).max_age).toBe(14 * 86_400 * 1e9);
    // A stream made under another document has its age set again at start.
    const made = inboxStreamConfig(base);
    const limits = { max_age: made.max_age as number, max_bytes: made.max_bytes as number, discard: made.discard as never };
    expect(lacksInboxLimits(limits, 3_600_000)).toBe(true);
    expect(lacksInboxLimits(limits, 14 * 86_400_000)).toBe(false);
  });

  it('tells a stream made without limits, or with others, from one that has them', () => {
    const made = inboxStreamConfig(base);
    expect(lacksInboxLimits({ max_age: made.max_age as number, max_bytes: made.max_bytes as number, discard: made.discard as never })).toBe(
      false,
    );
    // What a node of an earlier version made: the server's defaults, no limit at all.
    expect(lacksInboxLimits({ max_age: 0, max_bytes: -1, discard: 'old' as never })).toBe(true);
    expect(lacksInboxLimits({ max_age: made.max_age as number, max_bytes: made.max_bytes as number, discard: 'new' as never })).toBe(true);
  });
});
