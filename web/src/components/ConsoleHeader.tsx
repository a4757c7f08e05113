// The console's header: a skip link first in tab order, the navigation (with the count of what
// arrived for each page since it was last opened), who is signed in, the browser-notification
// switch, the language picker, and the polite live region announcing arrivals. On a phone the
// navigation folds behind a Menu button (a disclosure: aria-expanded, aria-controls), since nine
// links do not fit across 390 px; from 700 px up the button is hidden and the links show.
import { useEffect, useId, useRef, useState } from 'react';
import { ActivityAnnouncer, useActivity } from '../activity/ActivityProvider';
import { badgeNumber, pageCount, totalCount } from '../activity/activity-counts';
import { focusElement } from '../focus-heading';
import { useT } from '../i18n/I18nProvider';
import { LanguagePicker } from '../i18n/LanguagePicker';
import type { MessageId } from '../i18n/messages/en';

export interface NavItem {
  page: string;
  href: string;
  text: MessageId;
}

export function ConsoleHeader({
  items,
  current,
  contentId,
  me,
  onSignOut,
}: {
  items: readonly NavItem[];
  current: string;
  contentId: string;
  me: { name: string; agencyName: string };
  onSignOut: () => void;
}) {
  const t = useT();
  const { counts } = useActivity();
  const [open, setOpen] = useState(false);
  const navId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  // Escape folds the open menu and gives focus back to its button, as a disclosure should.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <header className="top">
      {/* The console routes by hash, so the link must not change it: it moves focus itself. */}
      <a
        className="skip-link"
        href={`#${contentId}`}
        onClick={(e) => {
          e.preventDefault();
          const main = document.getElementById(contentId);
          const target = main?.querySelector('h1') ?? main;
          if (target) focusElement(target);
        }}
      >
        {t('app.skipToContent')}
      </a>
      <span className="brand">Corridor</span>
      <button
        type="button"
        ref={toggle}
        className="menu-toggle"
        aria-expanded={open}
        aria-controls={navId}
        data-testid="nav-menu"
        onClick={() => setOpen(!open)}
      >
        {t('nav.menu')}
        {/* Folded on a phone, the links' badges are hidden: the button carries their total. */}
        <CountBadge count={totalCount(counts)} testId="nav-menu-count" />
      </button>
      <nav aria-label={t('nav.label')} id={navId} className={open ? 'open' : undefined}>
        {items.map((n) => (
          <a
            key={n.page}
            href={n.href}
            data-testid={`nav-${n.page}`}
            aria-current={current === n.page ? 'page' : undefined}
            onClick={() => setOpen(false)}
          >
            {t(n.text)}
            <CountBadge count={pageCount(counts, n.page)} testId={`nav-${n.page}-count`} />
          </a>
        ))}
      </nav>
      <span className="me" data-testid="me">
        <strong>{me.name}</strong> · {me.agencyName}
      </span>
      <NotificationSwitch />
      <LanguagePicker />
      <ActivityAnnouncer />
      <button type="button" className="link" data-testid="sign-out" onClick={onSignOut}>
        {t('app.signOut')}
      </button>
    </header>
  );
}

/** A count of new items: the number shown, and "3 new" for a screen reader; nothing when none is. */
function CountBadge({ count, testId }: { count: number; testId: string }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <span className="count-badge" data-testid={testId} data-count={count}>
      <span aria-hidden="true">{badgeNumber(count)}</span>
      <span className="visually-hidden">{` ${t('activity.newCount', { count })}`}</span>
    </span>
  );
}

/** Browser notifications are asked for only when the officer presses this, never on their own. */
function NotificationSwitch() {
  const t = useT();
  const { notifications, enableNotifications } = useActivity();
  if (notifications === 'default')
    return (
      <button type="button" className="link" data-testid="enable-notifications" onClick={enableNotifications}>
        {t('activity.enableNotifications')}
      </button>
    );
  if (notifications === 'granted')
    return (
      <span className="notifications-on" data-testid="notifications-on">
        {t('activity.notificationsOn')}
      </span>
    );
  return null;
}
