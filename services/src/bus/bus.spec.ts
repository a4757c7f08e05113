import { describe, expect, it } from 'vitest';
import { inboxStreamConfig } from './bus.js';

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
});
