// The confirmation of a published alert, saying who receives it (TLP 2.0: RED stays home, AMBER
// goes only to the agencies named), or that it is held at the node until the pseudonym service answers.
import type { Ref } from 'react';
import { useT } from '../../i18n/I18nProvider';

export interface Published {
  id: string;
  tlp: string;
  recipients: string[];
  /** Set when the node holds the alert until the pseudonym service answers. */
  heldBecause?: string | null;
}

export function PublishedNotice({
  published,
  agencyName,
  ref,
}: {
  published: Published;
  agencyName: (id: string) => string;
  ref: Ref<HTMLParagraphElement>;
}) {
  const t = useT();
  if (published.heldBecause)
    return (
      <p className="warning" data-testid="publish-held" role="status" ref={ref} tabIndex={-1}>
        {t('published.held', { id: published.id })}
      </p>
    );
  return (
    <p className="success" data-testid="publish-success" role="status" ref={ref} tabIndex={-1}>
      {t('published.as', { id: published.id, tlp: `TLP:${published.tlp}` })}{' '}
      {published.tlp === 'RED'
        ? t('published.red')
        : published.recipients.length > 0
          ? t('published.only', { agencies: published.recipients.map(agencyName).join(', ') })
          : t('published.partners')}{' '}
      {t('published.ready')}
    </p>
  );
}
