// The officer's activity on every page (issue 15, "Nothing missed"). The counts come from the
// node (myActivity: what arrived since each page was last opened), so they are right after a
// reload or a node restart; the live stream only says "something changed", and the counts are
// read again. What newly arrived is announced politely to screen readers and, when the officer
// allowed it, shown as a browser notification whose text names kinds and numbers, never content.
// Pages that list these kinds (Consultations, Requests, the feed's notices) read `changes` to ask
// again without Refresh.
import type { ActivityCounts, ActivityKind } from '@corridor/proto';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useSubscription } from 'urql';
import type { LiveState } from '../client';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages/en';
import { ActivitySubscription, MarkActivitySeenMutation, MyActivityQuery } from './Activity.documents';
import { arrivals, NO_ACTIVITY, PAGE_KINDS, titleWith } from './activity-counts';

export type NotificationState = 'unsupported' | 'default' | 'granted' | 'denied';

interface ActivityValue {
  counts: ActivityCounts;
  /** Bumped at each event of a kind: a page showing it asks again when it changes. */
  changes: Record<ActivityKind, number>;
  notifications: NotificationState;
  /** Asks the browser's permission; call only from a user's gesture. */
  enableNotifications: () => void;
  /** The last arrivals, in words, for the polite live region (ActivityAnnouncer). */
  announcement: string;
}

const ActivityContext = createContext<ActivityValue>({
  counts: NO_ACTIVITY,
  changes: NO_ACTIVITY,
  notifications: 'unsupported',
  enableNotifications: () => {},
  announcement: '',
});

export const useActivity = () => useContext(ActivityContext);

/** A number that moves each time one of these kinds changes: a page's dependency to ask again. */
export function useActivityChanges(...kinds: ActivityKind[]): number {
  const { changes } = useActivity();
  return kinds.reduce((n, k) => n + changes[k], 0);
}

const ARRIVED: Record<ActivityKind, MessageId> = {
  alert: 'activity.arrived.alert',
  consultation: 'activity.arrived.consultation',
  request: 'activity.arrived.request',
  protection: 'activity.arrived.protection',
};

const notificationState = (): NotificationState => ('Notification' in window ? Notification.permission : 'unsupported');

/** Events of a burst (a bulk load of alerts, a thread's replies) are read once, this long after the first. */
const BURST_MS = 200;

/**
 * One tab of the officer's holds the stream; the others hear its events on a BroadcastChannel. A
 * browser keeps six connections per host over HTTP/1.1 and a stream holds one for as long as it
 * is open: one per tab would leave an officer with a few tabs open no connection to send with.
 * The tab holding the Web Lock of the officer's stream opens it; when that tab closes, the lock
 * and the stream pass to another tab, which reads the counts again (what was sent between is lost).
 */
function useStreamLeadership(subject: string): boolean {
  const [leader, setLeader] = useState(false);
  useEffect(() => {
    if (!('locks' in navigator)) {
      setLeader(true);
      return;
    }
    const release = new AbortController();
    navigator.locks
      .request(`corridor-activity:${subject}`, { signal: release.signal }, () => {
        setLeader(true);
        return new Promise<void>((resolve) => release.signal.addEventListener('abort', () => resolve(), { once: true }));
      })
      // Aborted while waiting for the lock: this tab is going away.
      .catch(() => undefined);
    return () => {
      release.abort();
      setLeader(false);
    };
  }, [subject]);
  return leader;
}

export function ActivityProvider({ page, subject, children }: { page: string; subject: string; children: ReactNode }) {
  const t = useT();
  const client = useClient();
  // The newest reading, whether a query or a mark answered it. Readings are applied in the order
  // they were asked: one asked before a mark but answered after it would bring back a cleared
  // count, and announce it as new.
  const [latest, setLatest] = useState<ActivityCounts | null>(null);
  const asked = useRef(0);
  const applied = useRef(0);
  const apply = useCallback(async (reading: () => Promise<ActivityCounts | undefined>) => {
    const order = ++asked.current;
    const counts = await reading();
    if (counts && order > applied.current) {
      applied.current = order;
      setLatest(counts);
    }
  }, []);
  const reread = useCallback(
    () => apply(async () => (await client.query(MyActivityQuery, {}, { requestPolicy: 'network-only' }).toPromise()).data?.myActivity),
    [client, apply],
  );
  /** Marks the kinds seen, one after the other, and answers the counts after the last. */
  const markSeen = useCallback(
    (kinds: readonly ActivityKind[]) =>
      apply(async () => {
        let counts: ActivityCounts | undefined;
        for (const kind of kinds) counts = (await client.mutation(MarkActivitySeenMutation, { kind }).toPromise()).data?.markActivitySeen;
        return counts;
      }),
    [client, apply],
  );
  const counts = latest ?? NO_ACTIVITY;

  // Opening a page clears its counts (the first reading otherwise); an event of its kind while it
  // is open is seen as it comes.
  const openPage = useRef(page);
  openPage.current = page;
  useEffect(() => {
    const kinds = PAGE_KINDS[page] ?? [];
    void (kinds.length > 0 ? markSeen(kinds) : reread());
  }, [page, markSeen, reread]);

  const [changes, setChanges] = useState<Record<ActivityKind, number>>(NO_ACTIVITY);
  const pending = useRef(new Set<ActivityKind>());
  const burst = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback(() => {
    burst.current = undefined;
    const kinds = [...pending.current];
    pending.current.clear();
    setChanges((c) => ({ ...c, ...Object.fromEntries(kinds.map((k) => [k, c[k] + 1])) }));
    const onPage = kinds.filter((k) => (PAGE_KINDS[openPage.current] ?? []).includes(k));
    // A mark answers every count: one reading either way.
    void (onPage.length > 0 ? markSeen(onPage) : reread());
  }, [markSeen, reread]);
  useEffect(() => () => clearTimeout(burst.current), []);

  const heard = useCallback(
    (kind: string) => {
      if (!isKind(kind)) return;
      pending.current.add(kind);
      burst.current ??= setTimeout(flush, BURST_MS);
    },
    [flush],
  );

  // The stream's own connection state (client.ts), kept apart from the alert feed's.
  const [live, setLive] = useState<LiveState>('connecting');
  const context = useMemo(() => ({ liveState: setLive }), []);
  const leader = useStreamLeadership(subject);
  const channel = useRef<BroadcastChannel | null>(null);
  useEffect(() => {
    if (!('BroadcastChannel' in window)) return;
    const open = new BroadcastChannel(`corridor-activity:${subject}`);
    open.onmessage = (e: MessageEvent<unknown>) => {
      if (typeof e.data === 'string') heard(e.data);
    };
    channel.current = open;
    return () => {
      channel.current = null;
      open.close();
    };
  }, [subject, heard]);
  useSubscription({ query: ActivitySubscription, context, pause: !leader }, (_prev: unknown, event) => {
    heard(event.activity.kind);
    // The other tabs are told the kind only, as the stream told this one.
    channel.current?.postMessage(event.activity.kind);
    return event;
  });
  // A tab that takes the stream over reads the counts: events sent while no tab held it are lost.
  useEffect(() => {
    if (leader) void reread();
  }, [leader, reread]);
  // Events sent while the stream was down are lost: the counts are read again when it is back.
  const wasDown = useRef(false);
  useEffect(() => {
    if (live === 'reconnecting') wasDown.current = true;
    if (live === 'live' && wasDown.current) {
      wasDown.current = false;
      void reread();
    }
  }, [live, reread]);

  // What grew since the last reading is announced, and notified when allowed.
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<ActivityCounts | null>(null);
  useEffect(() => {
    if (!latest) return;
    const before = previous.current;
    previous.current = latest;
    if (!before) return;
    const grown = Object.entries(arrivals(before, latest)) as [ActivityKind, number][];
    if (grown.length === 0) return;
    const text = grown.map(([kind, count]) => t(ARRIVED[kind], { count })).join(' · ');
    setAnnouncement(text);
    if (notificationState() === 'granted') new Notification('Corridor', { body: text, tag: 'corridor-activity' });
  }, [latest, t]);

  useEffect(() => {
    document.title = titleWith(counts, document.title);
  }, [counts]);
  useEffect(
    () => () => {
      document.title = titleWith(NO_ACTIVITY, document.title);
    },
    [],
  );

  const [notifications, setNotifications] = useState<NotificationState>(notificationState);
  const enableNotifications = useCallback(() => {
    if (!('Notification' in window)) return;
    void Notification.requestPermission().then(setNotifications);
  }, []);

  const value = useMemo(
    () => ({ counts, changes, notifications, enableNotifications, announcement }),
    [counts, changes, notifications, enableNotifications, announcement],
  );
  return <ActivityContext.Provider value={value}>{children}</ActivityContext.Provider>;
}

const isKind = (k: string): k is ActivityKind => Object.hasOwn(ARRIVED, k);

/** The polite live region that reads out what arrived; kept in the header, a landmark on every page. */
export function ActivityAnnouncer() {
  const { announcement } = useActivity();
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="activity-announcer">
      {announcement}
    </p>
  );
}
