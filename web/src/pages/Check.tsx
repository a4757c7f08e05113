// Hit / no hit: one box for a passport at the counter or a phone number in an interview. The value
// goes to the officer's own agency node, which turns it into a pseudonym; the other agencies see
// only that, and answer hit (with whom to call) or no hit. The answer must be unmistakable.
import { IDENTIFIER_KINDS } from '@corridor/proto';
import { useState } from 'react';
import { useClient } from 'urql';
import { Channel } from '../components/ContactCard';
import { failureText } from '../components/ErrorAlert';
import { CodeSelect, Field } from '../components/Field';
import { Sources } from '../components/Sources';
import { type ErrorsByPath, operationFieldErrors } from '../field-errors';
import type { HitCheckQuery as HitCheckResult } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages/en';
import { dateTimeText, label } from '../labels';
import { HitCheckQuery } from './Check.documents';

/** What the qualifier means for each kind, when it has one, and whether the kind cannot be read without it. */
const QUALIFIER: Record<string, { label: MessageId; hint: MessageId; required: boolean } | undefined> = {
  travel_document: { label: 'publish.issuingState', hint: 'check.hint.travel_document', required: true },
  person: { label: 'check.dateOfBirth', hint: 'check.hint.person', required: false },
  phone: { label: 'directory.country', hint: 'check.hint.phone', required: false },
  social_handle: { label: 'check.platform', hint: 'check.hint.social_handle', required: true },
  vehicle_plate: { label: 'directory.country', hint: 'check.hint.vehicle_plate', required: true },
  vessel: { label: 'check.flag', hint: 'check.hint.vessel', required: false },
  bank_account: { label: 'check.provider', hint: 'check.hint.bank_account', required: false },
};

type Result = HitCheckResult['hitCheck'];

export function Check({ agencyName, ownAgency }: { agencyName: (id: string) => string; ownAgency: string }) {
  const t = useT();
  const client = useClient();
  const [kind, setKind] = useState('travel_document');
  const [value, setValue] = useState('');
  const [qualifier, setQualifier] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [errors, setErrors] = useState<ErrorsByPath>({});
  const [failure, setFailure] = useState<string | null>(null);
  const q = QUALIFIER[kind];

  async function check() {
    setBusy(true);
    setResult(null);
    setFailure(null);
    setErrors({});
    const identifier = { kind, value: value.trim(), ...(q && qualifier.trim() ? { qualifier: qualifier.trim() } : {}) };
    const r = await client.query(HitCheckQuery, { identifier }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (r.data?.hitCheck) {
      setResult(r.data.hitCheck);
      return;
    }
    const first = r.error?.graphQLErrors[0];
    const fromServer = operationFieldErrors(r.error);
    setErrors(fromServer);
    setFailure(
      first?.extensions?.code === 'RATE_LIMITED'
        ? t('check.tooMany', { reason: first.message })
        : first?.extensions?.code === 'PSEUDONYM_SERVICE_UNAVAILABLE'
          ? t('check.serviceDown')
          : Object.keys(fromServer).length > 0
            ? t('check.seeField')
            : t('check.failed', { reason: failureText(r.error) }),
    );
  }

  const hits = result?.answers.filter((a) => a.hit) ?? [];
  const answered = result?.sources.filter((s) => s.ok).length ?? 0;

  return (
    <section>
      <h1>{t('check.title')}</h1>
      <p className="muted">{t('check.intro')}</p>
      <form
        className="check"
        // The node says what is wrong, at the field; the browser's own bubbles would say less.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <Field id="check-kind" path="kind" label={t('check.what')} errors={errors.kind}>
          <CodeSelect id="check-kind" value={kind} onChange={setKind} codes={IDENTIFIER_KINDS} labelOf={label.identifierKind} />
        </Field>
        <Field id="check-value" path="value" label={t('check.identifier')} errors={errors.value}>
          <input id="check-value" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" required />
        </Field>
        {q && (
          <Field
            id="check-qualifier"
            path="qualifier"
            label={t(q.required ? 'check.required' : 'check.optional', { label: t(q.label) })}
            hint={t(q.hint)}
            errors={errors.qualifier}
          >
            <input
              id="check-qualifier"
              value={qualifier}
              onChange={(e) => setQualifier(e.target.value)}
              autoComplete="off"
              required={q.required}
              aria-required={q.required}
            />
          </Field>
        )}
        <button type="submit" data-testid="check-submit" disabled={busy || value.trim() === ''}>
          {busy ? t('check.checking') : t('nav.check')}
        </button>
      </form>
      {failure && (
        <p className="error" role="alert" data-testid="check-failure">
          {failure}
        </p>
      )}
      {result && (
        <div
          className={`check-result ${result.hit ? 'check-hit' : 'check-no-hit'}`}
          data-testid="check-result"
          data-hit={result.hit}
          role="status"
        >
          <p className="check-verdict">
            {result.hit
              ? t('check.hit', { agencies: hits.map((h) => agencyName(h.agency)).join(', '), count: hits.length })
              : t('check.noHit', { count: answered })}
          </p>
          {hits.map((h) => (
            <article key={h.agency} className="hit" data-testid="check-hit" data-agency={h.agency}>
              <h3>{agencyName(h.agency)}</h3>
              <ul>
                {h.alerts.map((a) => (
                  <li key={a.id}>
                    {t('check.alertOf', {
                      kind: label.kind(a.kind),
                      date: dateTimeText(a.createdAt),
                      matched: a.matched.map(label.identifierKind).join(', '),
                    })}
                    <small className="muted"> ({t('alert.reference', { id: a.id })})</small>{' '}
                    <span className="badge badge-handling" data-testid="hit-handling-code" title={label.handlingCode(a.handlingCode)}>
                      {a.handlingCode}
                    </span>
                  </li>
                ))}
              </ul>
              {h.contact ? (
                <div className="hit-contact" data-testid="check-contact">
                  {t('check.ask')} <strong>{h.contact.name}</strong>
                  {h.contact.availability.always ? ' (24/7)' : ''}
                  {h.contact.spoc ? ` — ${t('contact.spoc')}` : ''}:
                  <ul className="channels">
                    {h.contact.channels.map((c) => (
                      <Channel key={`${c.type}-${c.value}`} {...c} />
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="muted">{t('check.noDesk')}</p>
              )}
              {h.alerts[0] && h.agency !== ownAgency && (
                <p>
                  <a
                    data-testid="check-consult"
                    href={`#/consultations/new?${new URLSearchParams({
                      with: h.agency,
                      alert: h.alerts[0].id,
                      subject: t('check.consultSubject', {
                        kind: label.kind(h.alerts[0].kind).toLocaleLowerCase(),
                        date: dateTimeText(h.alerts[0].createdAt),
                      }),
                    })}`}
                  >
                    {t('check.consult', { agency: agencyName(h.agency) })}
                  </a>
                </p>
              )}
            </article>
          ))}
          <Sources sources={result.sources} error={undefined} agencyName={agencyName} />
        </div>
      )}
    </section>
  );
}
