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
import { dateTimeText, label } from '../labels';
import { HitCheckQuery } from './Check.documents';

/** What the qualifier means for each kind, when it has one, and whether the kind cannot be read without it. */
const QUALIFIER: Record<string, { label: string; hint: string; required: boolean } | undefined> = {
  travel_document: { label: 'Issuing state', hint: 'ICAO code as printed on the document, e.g. NGA', required: true },
  person: { label: 'Date of birth', hint: 'e.g. 1994-03-12', required: false },
  phone: { label: 'Country', hint: 'e.g. NGA; needed only for a number written without its +country code', required: false },
  social_handle: { label: 'Platform', hint: 'e.g. telegram', required: true },
  vehicle_plate: { label: 'Country', hint: 'e.g. NER', required: true },
  vessel: { label: 'Flag', hint: 'e.g. LBY (for a name; not needed for an IMO or MMSI number)', required: false },
  bank_account: { label: 'Provider', hint: 'e.g. western_union, for a transfer reference; not needed for an IBAN', required: false },
};

type Result = HitCheckResult['hitCheck'];

export function Check({ agencyName, ownAgency }: { agencyName: (id: string) => string; ownAgency: string }) {
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
        ? `You have made many checks in a short time: ${first.message}`
        : Object.keys(fromServer).length > 0
          ? 'Check what you typed: see the message next to the field.'
          : `The check could not be made: ${failureText(r.error)}`,
    );
  }

  const hits = result?.answers.filter((a) => a.hit) ?? [];
  const answered = result?.sources.filter((s) => s.ok).length ?? 0;

  return (
    <section>
      <h2>Check an identifier</h2>
      <p className="muted">
        Your agency’s node turns what you type into a pseudonym; other agencies see only that, and answer whether they hold an alert
        carrying it. Every check is recorded at each agency that answers.
      </p>
      <form
        className="check"
        // The node says what is wrong, at the field; the browser's own bubbles would say less.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <Field id="check-kind" path="kind" label="What" errors={errors.kind}>
          <CodeSelect id="check-kind" value={kind} onChange={setKind} codes={IDENTIFIER_KINDS} labelOf={label.identifierKind} />
        </Field>
        <Field id="check-value" path="value" label="Identifier" errors={errors.value}>
          <input id="check-value" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" required />
        </Field>
        {q && (
          <Field
            id="check-qualifier"
            path="qualifier"
            label={q.required ? `${q.label} (required)` : `${q.label} (optional)`}
            hint={q.hint}
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
          {busy ? 'Checking…' : 'Check'}
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
              ? `HIT — ${hits.map((h) => agencyName(h.agency)).join(', ')} ${hits.length === 1 ? 'holds' : 'hold'} an alert with this identifier.`
              : `No hit — none of the ${answered} agencies that answered holds an alert with this identifier that it shares with you.`}
          </p>
          {hits.map((h) => (
            <article key={h.agency} className="hit" data-testid="check-hit" data-agency={h.agency}>
              <h3>{agencyName(h.agency)}</h3>
              <ul>
                {h.alerts.map((a) => (
                  <li key={a.id}>
                    {label.kind(a.kind)} of {dateTimeText(a.createdAt)} — matched on {a.matched.map(label.identifierKind).join(', ')}
                    <small className="muted"> (reference {a.id})</small>
                  </li>
                ))}
              </ul>
              {h.contact ? (
                <div className="hit-contact" data-testid="check-contact">
                  Ask <strong>{h.contact.name}</strong>
                  {h.contact.availability.always ? ' (24/7)' : ''}:
                  <ul className="channels">
                    {h.contact.channels.map((c) => (
                      <Channel key={`${c.type}-${c.value}`} {...c} />
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="muted">No desk listed: find them in the Directory.</p>
              )}
              {h.alerts[0] && h.agency !== ownAgency && (
                <p>
                  <a
                    data-testid="check-consult"
                    href={`#/consultations/new?${new URLSearchParams({
                      with: h.agency,
                      alert: h.alerts[0].id,
                      subject: `A hit on your ${label.kind(h.alerts[0].kind).toLowerCase()} of ${dateTimeText(h.alerts[0].createdAt)}`,
                    })}`}
                  >
                    Open a consultation with {agencyName(h.agency)} about this hit
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
