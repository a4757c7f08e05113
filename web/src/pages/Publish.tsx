// Publishing a route alert or a document-fraud alert. The form builds proto's AlertInput
// (alert-form.ts), checks it with proto's schema before sending (messages at once, next to each
// field) and shows the node's own field errors the same way if it still refuses. Each section of
// the form is its own component in ./publish/; this page holds the draft and the sending.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import {
  type AlertForm,
  type AlertFormKind,
  buildAlertInput,
  checkAlertForm,
  emptyAlertForm,
  type MoveOffer,
  moveOffers,
  moveToIdentifiers,
} from '../alert-form';
import { failureText } from '../components/ErrorAlert';
import { type ErrorsByPath, operationFieldErrors, serverFindings } from '../field-errors';
import { useT } from '../i18n/I18nProvider';
import type { ImportedDraft } from '../import/draft';
import { label } from '../labels';
import { useSessionDraft } from '../session-draft';
import { PublishAlertMutation } from './Publish.documents';
import { DocumentFraudSection } from './publish/DocumentFraudSection';
import { fieldMessages, UnplacedMessages } from './publish/field-messages';
import { ImportExchangeFile, type ImportedFile } from './publish/ImportExchangeFile';
import { NdjsonUpload } from './publish/NdjsonUpload';
import { type Published, PublishedNotice } from './publish/PublishedNotice';
import { RouteSection } from './publish/RouteSection';
import { SharingSection } from './publish/SharingSection';
import { SubmitBar } from './publish/SubmitBar';
import { WhatWasSeenSection } from './publish/WhatWasSeenSection';
import { WhoWillSeeThis } from './publish/WhoWillSeeThis';

export function Publish({ agencies, ownAgency }: { agencies: { id: string; name: string }[]; ownAgency: string }) {
  const t = useT();
  // Kept in this tab across a sign-in at the agency's provider (session-draft.ts).
  const [form, setForm] = useSessionDraft<AlertForm>('publish', () => emptyAlertForm('route'));
  const [errors, setErrors] = useState<ErrorsByPath>({});
  // Identifiers the node found in free text, which the console can move into the identifiers section.
  const [offers, setOffers] = useState<MoveOffer[]>([]);
  const [published, setPublished] = useState<Published | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The STIX or MISP file the draft was filled from, and what of it is not in the draft.
  const [imported, setImported] = useState<ImportedFile | null>(null);
  const [{ fetching }, publish] = useMutation(PublishAlertMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const successRef = useRef<HTMLParagraphElement>(null);
  const [attempt, setAttempt] = useState(0);
  // Once the console's own check has refused the form, it checks again as the officer corrects
  // it, so each message goes away as soon as its field is right.
  const [recheck, setRecheck] = useState(false);
  useEffect(() => {
    if (recheck) setErrors(checkAlertForm(form, new Date()));
  }, [form, recheck]);

  // After a refused submit, put the cursor on the first field that needs attention.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('.field-invalid input, .field-invalid select, .field-invalid textarea')?.focus();
  }, [attempt]);

  // The confirmation sits above the form: bring it into view, the officer was at the bottom.
  useEffect(() => {
    if (published) {
      successRef.current?.scrollIntoView({ block: 'center' });
      successRef.current?.focus();
    }
  }, [published]);

  const set = (patch: Partial<AlertForm>) => setForm((f) => ({ ...f, ...patch }));
  const setKind = (kind: AlertFormKind) => {
    set({ kind });
    setErrors({});
    setOffers([]);
    setRecheck(false);
  };
  const partners = agencies.filter((a) => a.id !== ownAgency);
  /** A file opened replaces the draft: nothing is sent until the officer presses Publish. */
  const importDraft = (draft: ImportedDraft, name: string) => {
    setForm(draft.form);
    setImported({ name, format: draft.format, notTaken: draft.notTaken });
    setPublished(null);
    setFailure(null);
    setErrors({});
    setOffers([]);
    setRecheck(false);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPublished(null);
    setFailure(null);
    setOffers([]);
    const local = checkAlertForm(form, new Date());
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setRecheck(true);
      setAttempt((n) => n + 1);
      return;
    }
    setRecheck(false);
    const result = await publish({ input: buildAlertInput(form) });
    if (result.data?.publishAlert) {
      setPublished(result.data.publishAlert);
      setForm(emptyAlertForm(form.kind));
      setImported(null);
      setErrors({});
      return;
    }
    const gqlErrors = result.error?.graphQLErrors ?? [];
    const fromServer = operationFieldErrors(result.error);
    setErrors(fromServer);
    setOffers(moveOffers(form, Object.assign({}, ...gqlErrors.map((g) => serverFindings(g.extensions)))));
    setFailure(
      Object.keys(fromServer).length > 0 ? t('publish.refused') : t('publish.notPublished', { reason: failureText(result.error) }),
    );
    setAttempt((n) => n + 1);
  }

  /** Moves one found value out of its text; the field's message goes once nothing found is left in it. */
  const move = (offer: MoveOffer) => {
    setForm((f) => moveToIdentifiers(f, offer));
    const rest = offers.filter((o) => o !== offer);
    setOffers(rest);
    if (!rest.some((o) => o.path === offer.path)) {
      setErrors(({ [offer.path]: _, ...others }) => others);
      setFailure(null);
    }
  };
  const fields = fieldMessages(errors, offers, move);
  const section = { form, set, fields };
  const errorCount = Object.values(errors).reduce((n, m) => n + m.length, 0);

  return (
    <section>
      <h1>{t('publish.title')}</h1>
      <ImportExchangeFile imported={imported} onImport={importDraft} />
      <div className="tabs" role="tablist" aria-label={t('publish.kindOfAlert')}>
        {(['route', 'document_fraud'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={form.kind === k}
            aria-controls="publish-form"
            data-testid={`publish-kind-${k}`}
            onClick={() => setKind(k)}
          >
            {label.kind(k)}
          </button>
        ))}
      </div>
      {published && (
        <PublishedNotice published={published} agencyName={(id) => agencies.find((a) => a.id === id)?.name ?? id} ref={successRef} />
      )}
      <form id="publish-form" ref={formRef} onSubmit={submit} noValidate className="publish" aria-label={label.kind(form.kind)}>
        <SharingSection {...section} partners={partners} />
        {form.kind === 'route' ? <RouteSection {...section} /> : <DocumentFraudSection {...section} />}
        <WhatWasSeenSection {...section} />
        {/* Beside the sections on a wide screen; on a phone, and to a screen reader, just before the Publish button. */}
        <WhoWillSeeThis form={form} />
        <UnplacedMessages errors={errors} shown={fields.shown} />
        <SubmitBar kind={form.kind} fetching={fetching} errorCount={errorCount} failure={failure} />
      </form>
      <NdjsonUpload />
    </section>
  );
}
