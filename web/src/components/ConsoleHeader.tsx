// The console's header: a skip link first in tab order, the navigation, who is signed in, the
// language picker. On a phone the navigation folds behind a Menu button (a disclosure:
// aria-expanded, aria-controls), since nine links do not fit across 390 px; from 700 px up the
// button is hidden and the links show.
import { useEffect, useId, useRef, useState } from 'react';
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
          </a>
        ))}
      </nav>
      <span className="me" data-testid="me">
        <strong>{me.name}</strong> · {me.agencyName}
      </span>
      <LanguagePicker />
      <button type="button" className="link" data-testid="sign-out" onClick={onSignOut}>
        {t('app.signOut')}
      </button>
    </header>
  );
}
