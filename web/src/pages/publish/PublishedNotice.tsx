// The confirmation of a published alert, saying who receives it (TLP 2.0: RED stays home, AMBER
// goes only to the agencies named).
import type { Ref } from 'react';

export interface Published {
  id: string;
  tlp: string;
  recipients: string[];
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
  return (
    <p className="success" data-testid="publish-success" role="status" ref={ref} tabIndex={-1}>
      Published as alert {published.id} (TLP:{published.tlp}).{' '}
      {published.tlp === 'RED'
        ? 'It stays in your agency.'
        : published.recipients.length > 0
          ? `Only ${published.recipients.map(agencyName).join(', ')} receive it, within seconds.`
          : 'Partners receive it within seconds.'}{' '}
      The form is ready for the next one.
    </p>
  );
}
