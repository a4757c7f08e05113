// Talking before a formal request (issue 7): the consultations the user's agency is party to,
// each a thread with one other agency; a new one can be opened from a contact card or an alert
// (the hash carries whom and what about); a consultation becomes a tracked request addressed to
// the other agency's central authority from the directory.
import { HANDLING_CODES, PROTECTION_FLAGS, REQUEST_TYPES } from '@corridor/proto';
import { type ComponentProps, type FormEvent, useEffect, useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { useActivityChanges } from '../activity/ActivityProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { Checkboxes, CodeField, CodeSelect, Field } from '../components/Field';
import { serverFieldErrors } from '../field-errors';
import type { ConsultationFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import { countryCodes, countryName, dateTimeText, label } from '../labels';
import {
  AnswerPermissionMutation,
  AuthoritiesQuery,
  ConsultationMessageMutation,
  ConsultationsQuery,
  CreateRequestMutation,
  OpenConsultationMutation,
} from './Consultations.documents';
import { RequestCard } from './RequestCard';

const flagLabel = label.protection;
const typeLabel = label.requestType;
/** The request type whose answer time the network's table gives (the Directive's, by default): no deadline is picked for it. */
const TIMED_BY_TABLE = 'information_request';
const problem = (e: CombinedError | undefined) => e?.message.replace(/^\[\w+\] /, '');

/** `#/consultations/new?with=ne-ppn&entry=…&alert=…&subject=…`: what a card or an alert asks to open. */
export function newConsultationParams(hash: string): { with: string; entry?: string; alert?: string; subject?: string } | null {
  const m = /^#\/consultations\/new\?(.*)$/.exec(hash);
  if (!m) return null;
  const p = new URLSearchParams(m[1]);
  const w = p.get('with');
  if (!w) return null;
  return {
    with: w,
    ...(p.get('entry') ? { entry: p.get('entry') as string } : {}),
    ...(p.get('alert') ? { alert: p.get('alert') as string } : {}),
    ...(p.get('subject') ? { subject: p.get('subject') as string } : {}),
  };
}

function ProtectionBadges({ flags }: { flags: readonly string[] }) {
  const t = useT();
  if (flags.length === 0) return null;
  return (
    <span className="badge badge-protection" data-testid="protection-flags">
      {t('consult.protection', { flags: flags.map(flagLabel).join(', ') })}
    </span>
  );
}

function NewConsultation({
  params,
  agencyName,
  onOpened,
}: {
  params: NonNullable<ReturnType<typeof newConsultationParams>>;
  agencyName: (id: string) => string;
  onOpened: (id: string) => void;
}) {
  const t = useT();
  const [subject, setSubject] = useState(params.subject ?? '');
  const [body, setBody] = useState('');
  const [flags, setFlags] = useState<string[]>([]);
  const [seenIn, setSeenIn] = useState('');
  const [handlingCode, setHandlingCode] = useState('H0');
  const [result, open] = useMutation(OpenConsultationMutation);
  const errors = serverFieldErrors(result.error?.graphQLErrors[0]?.extensions);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const about = { ...(params.alert ? { alertId: params.alert } : {}), ...(params.entry ? { entryId: params.entry } : {}) };
    const r = await open({
      input: {
        with: params.with,
        subject,
        body,
        protection: flags,
        ...(flags.length > 0 && seenIn ? { seenIn } : {}),
        ...(Object.keys(about).length > 0 ? { about } : {}),
        handlingCode,
        evidence: { use: 'with_permission' },
      },
    });
    const opened = r.data?.openConsultation;
    if (opened) onOpened(opened.id);
  };
  return (
    <form className="consultation-new" aria-label={t('contact.consult')} onSubmit={submit} noValidate>
      <h3>{t('consult.title', { agency: agencyName(params.with) })}</h3>
      <p className="muted">{t('consult.onlyThem', { agency: agencyName(params.with) })}</p>
      <Field id="consultation-subject" path="subject" label={t('consult.subject')} errors={errors.subject}>
        <input id="consultation-subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
      </Field>
      <Field id="consultation-body" path="body" label={t('consult.message')} errors={errors.body}>
        <textarea id="consultation-body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      <CodeField
        id="consultation-handling"
        path="handlingCode"
        label={t('sharing.handlingCode')}
        errors={errors.handlingCode}
        value={handlingCode}
        onChange={setHandlingCode}
        codes={HANDLING_CODES.filter((h) => h !== 'H3')}
        labelOf={label.handlingCode}
      />
      <fieldset className="group">
        <legend>{t('consult.vulnerable')}</legend>
        <Checkboxes name="consultation-protection" codes={PROTECTION_FLAGS} selected={flags} onChange={setFlags} labelOf={flagLabel} />
        {flags.length > 0 && (
          <CodeField
            id="consultation-seen-in"
            path="seenIn"
            label={t('consult.seenIn')}
            errors={errors.seenIn}
            value={seenIn}
            onChange={setSeenIn}
            codes={countryCodes()}
            labelOf={countryName}
            empty={t('publish.chooseCountry')}
          />
        )}
      </fieldset>
      {result.error && !errors.subject && !errors.body && !errors.seenIn && (
        <p className="error" role="alert" data-testid="consultation-failure">
          {t('consult.notOpened', { reason: problem(result.error) })}
        </p>
      )}
      <button type="submit" data-testid="consultation-open" disabled={result.fetching}>
        {t('consult.open')}
      </button>
    </form>
  );
}

/** What a part of one consultation's thread is given. */
type InConsultation = { c: ConsultationFieldsFragment; ownAgency: string; agencyName: (id: string) => string };

function AuthoritySelect({
  entries,
  agency,
  ...select
}: { entries: { id: string; name: string }[]; agency: string } & Omit<ComponentProps<typeof CodeSelect>, 'codes' | 'labelOf' | 'empty'>) {
  return (
    <CodeSelect
      codes={entries.map((e) => e.id)}
      labelOf={(id) => entries.find((e) => e.id === id)?.name ?? id}
      empty={agency}
      {...select}
    />
  );
}

function RequestForm({ c, ownAgency, agencyName, onDone }: InConsultation & { onDone: () => void }) {
  const t = useT();
  const other = c.openedBy === ownAgency ? c.counterpart : c.openedBy;
  const [{ data: authorities }] = useQuery({
    query: AuthoritiesQuery,
    variables: { filter: { role: 'central_authority_mla', limit: 200 } },
  });
  // Urgency comes to the other agency's single point of contact first (issue 17).
  const [{ data: desks }] = useQuery({ query: AuthoritiesQuery, variables: { filter: { always: true, limit: 200 } } });
  const spoc = (desks?.directory.entries ?? []).find((e) => e.spoc && e.agency === other);
  const [urgent, setUrgent] = useState(false);
  const [directlyAccessible, setDirectlyAccessible] = useState(false);
  const authoritiesOfOther = (authorities?.directory.entries ?? []).filter((e) => e.agency === other && e.id !== spoc?.id);
  const theirs = spoc ? (urgent ? [spoc, ...authoritiesOfOther] : [...authoritiesOfOther, spoc]) : authoritiesOfOther;
  const ours = (authorities?.directory.entries ?? []).filter((e) => e.agency === ownAgency);
  const [requestType, setType] = useState<string>('mla');
  const [summary, setSummary] = useState('');
  const [to, setTo] = useState('');
  const [from, setFrom] = useState('');
  const [reference, setReference] = useState('');
  const [deadline, setDeadline] = useState('');
  const timedByTable = requestType === TIMED_BY_TABLE;
  useEffect(() => {
    if (urgent && spoc && to === '') setTo(spoc.id);
  }, [urgent, spoc, to]);
  const [result, create] = useMutation(CreateRequestMutation);
  const errors = serverFieldErrors(result.error?.graphQLErrors[0]?.extensions);
  const authority = (agency: string, id: string, list: { id: string; name: string }[]) => {
    const e = list.find((x) => x.id === id);
    return e ? { agency, entryId: e.id, name: e.name } : { agency, name: id || agencyName(agency) };
  };
  const submit = async (send: boolean) => {
    const r = await create({
      consultationId: c.id,
      input: {
        requestType,
        summary,
        sendingAuthority: authority(ownAgency, from, ours),
        receivingAuthority: authority(other, to, theirs),
        reference,
        urgent,
        directlyAccessible: timedByTable && directlyAccessible,
        // The officer's local date and time, sent as the instant it is.
        ...(deadline && !timedByTable ? { deadline: new Date(deadline).toISOString() } : {}),
        send,
      },
    });
    if (r.data) onDone();
  };
  return (
    <form className="request-new" aria-label={t('consult.toRequestLabel')} onSubmit={(e) => e.preventDefault()} noValidate>
      <h4>{t('consult.toRequest')}</h4>
      <Field id="request-type" label={t('consult.type')}>
        <CodeSelect id="request-type" value={requestType} onChange={setType} codes={REQUEST_TYPES} labelOf={typeLabel} />
      </Field>
      <Field id="request-summary" path="summary" label={t('consult.asked')} errors={errors.summary}>
        <textarea id="request-summary" rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </Field>
      <Field id="request-from" label={t('consult.sending')} hint={t('consult.sendingHint')}>
        <AuthoritySelect id="request-from" value={from} onChange={setFrom} agency={agencyName(ownAgency)} entries={ours} />
      </Field>
      <Field id="request-to" label={t('consult.receiving')} hint={t('consult.receivingHint', { agency: agencyName(other) })}>
        <AuthoritySelect id="request-to" value={to} onChange={setTo} agency={agencyName(other)} entries={theirs} />
      </Field>
      <Field id="request-reference" path="reference" label={t('consult.yourReference')} errors={errors.reference}>
        <input id="request-reference" value={reference} onChange={(e) => setReference(e.target.value)} />
      </Field>
      <p>
        <label htmlFor="request-urgent">
          <input id="request-urgent" type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} /> {t('consult.urgent')}
        </label>{' '}
        {timedByTable && (
          <label htmlFor="request-direct">
            <input
              id="request-direct"
              type="checkbox"
              checked={directlyAccessible}
              onChange={(e) => setDirectlyAccessible(e.target.checked)}
            />{' '}
            {t('consult.directlyAccessible')}
          </label>
        )}
      </p>
      {timedByTable ? (
        <p className="muted" data-testid="request-statutory">
          {t('consult.statutoryTime')}
        </p>
      ) : (
        <Field id="request-deadline" path="deadline" label={t('consult.deadline')} errors={errors.deadline}>
          <input id="request-deadline" type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </Field>
      )}
      {result.error && Object.keys(errors).length === 0 && <ErrorAlert error={result.error}>{t('consult.notCreated')}</ErrorAlert>}
      <div className="actions">
        <button type="button" data-testid="request-send" disabled={result.fetching} onClick={() => submit(true)}>
          {t('consult.sendRequest')}
        </button>
        <button type="button" className="link" data-testid="request-draft" disabled={result.fetching} onClick={() => submit(false)}>
          {t('consult.keepDraft')}
        </button>
      </div>
    </form>
  );
}

type Permission = ConsultationFieldsFragment['permissions'][number];
type Message = ConsultationFieldsFragment['messages'][number];

/** A message's handling code and evidence marking, as its writer signed them. */
function MessageHandling({ m }: { m: Message }) {
  const t = useT();
  return (
    <p className="muted handling" data-testid="message-handling">
      <span className="badge badge-handling" title={label.handlingCode(m.handlingCode)}>
        {m.handlingCode}
      </span>{' '}
      {m.handlingConditions && t('alert.handlingConditions', { conditions: m.handlingConditions })}{' '}
      {m.evidence
        ? t('alert.evidence', { use: label.evidenceUse(m.evidence.use), decidedBy: m.evidence.decidedBy })
        : t('alert.evidenceNotStated')}
    </p>
  );
}

/** A permission asked in the thread; the owner, asked, grants or refuses it here. */
function PermissionItem({
  p,
  ownAgency,
  agencyName,
  onChanged,
}: {
  p: Permission;
  ownAgency: string;
  agencyName: (id: string) => string;
  onChanged: () => void;
}) {
  const t = useT();
  const [legalBasis, setLegalBasis] = useState('');
  const [result, answer] = useMutation(AnswerPermissionMutation);
  const purpose = label.permissionPurpose(p.purpose) + (p.passTo ? ` ${t('permission.toAgency', { agency: agencyName(p.passTo) })}` : '');
  const decide = async (granted: boolean) => {
    const r = await answer({
      permissionId: p.id,
      input: { granted, ...(granted && legalBasis.trim() ? { legalBasis: legalBasis.trim() } : {}) },
    });
    if (r.data) onChanged();
  };
  return (
    <li data-testid="permission" data-permission-id={p.id} data-status={p.status}>
      {t('permission.item', { agency: agencyName(p.askedBy), purpose, id: p.alertId.slice(0, 8) })}
      <br />
      <q>{p.reason}</q>{' '}
      <small className="muted">
        ({p.askedByAuthor}, {dateTimeText(p.askedAt)})
      </small>
      <br />
      <strong>
        {p.status === 'asked'
          ? t('permission.asked')
          : t(p.status === 'granted' ? 'permission.granted' : 'permission.refused', { by: p.answeredBy ?? '' })}
      </strong>
      {p.legalBasis && <> · {t('alert.evidenceBasis', { basis: p.legalBasis })}</>}
      {p.status === 'asked' && p.askedBy !== ownAgency && (
        <div className="actions">
          {p.purpose === 'evidence' && (
            <input
              aria-label={t('permission.legalBasis')}
              placeholder={t('permission.legalBasis')}
              value={legalBasis}
              onChange={(e) => setLegalBasis(e.target.value)}
            />
          )}
          <button type="button" data-testid="permission-grant" disabled={result.fetching} onClick={() => decide(true)}>
            {t('permission.grant')}
          </button>
          <button type="button" data-testid="permission-refuse" disabled={result.fetching} onClick={() => decide(false)}>
            {t('permission.refuse')}
          </button>
        </div>
      )}
      {result.error && <ErrorAlert error={result.error} />}
    </li>
  );
}

function Thread({ c, ownAgency, agencyName, onChanged }: InConsultation & { onChanged: () => void }) {
  const t = useT();
  const [body, setBody] = useState('');
  const [flags, setFlags] = useState<string[]>([]);
  const [seenIn, setSeenIn] = useState('');
  const [handlingCode, setHandlingCode] = useState('H0');
  const [asking, setAsking] = useState(false);
  const [result, send] = useMutation(ConsultationMessageMutation);
  const other = c.openedBy === ownAgency ? c.counterpart : c.openedBy;
  return (
    <section className="thread" data-testid="consultation" data-consultation-id={c.id} aria-label={c.subject}>
      <header>
        <h3>{c.subject}</h3> <span className="muted">{t('consult.with', { agency: agencyName(other) })}</span>{' '}
        <ProtectionBadges flags={c.protection} />
      </header>
      <ul className="messages">
        {c.messages.map((m) => (
          <li key={m.id} className={m.from === ownAgency ? 'mine' : 'theirs'} data-testid="consultation-message">
            <small className="muted">
              {m.author} ({agencyName(m.from)}), {dateTimeText(m.at)}
            </small>
            <p>{m.body}</p>
            <ProtectionBadges flags={m.protection} />
            <MessageHandling m={m} />
          </li>
        ))}
      </ul>
      {c.permissions.length > 0 && (
        <section aria-label={t('permission.legend')}>
          <h4>{t('permission.legend')}</h4>
          <ul className="permissions">
            {c.permissions.map((p) => (
              <PermissionItem key={p.id} p={p} ownAgency={ownAgency} agencyName={agencyName} onChanged={onChanged} />
            ))}
          </ul>
        </section>
      )}
      <form
        aria-label={t('consult.reply')}
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await send({
            id: c.id,
            // The evidence marking of a reply is "ask the writer", decided by its writer (the node names them).
            input: {
              body,
              protection: flags,
              ...(flags.length > 0 && seenIn ? { seenIn } : {}),
              handlingCode,
              evidence: { use: 'with_permission' },
            },
          });
          if (r.data) {
            setBody('');
            setFlags([]);
            setSeenIn('');
            onChanged();
          }
        }}
      >
        <Field id={`reply-${c.id}`} label={t('consult.reply')}>
          <textarea id={`reply-${c.id}`} rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
        <CodeField
          id={`reply-handling-${c.id}`}
          path="handlingCode"
          label={t('sharing.handlingCode')}
          value={handlingCode}
          onChange={setHandlingCode}
          codes={HANDLING_CODES.filter((h) => h !== 'H3')}
          labelOf={label.handlingCode}
        />
        <Checkboxes name={`reply-protection-${c.id}`} codes={PROTECTION_FLAGS} selected={flags} onChange={setFlags} labelOf={flagLabel} />
        {flags.length > 0 && (
          <CodeField
            id={`reply-seen-in-${c.id}`}
            path="seenIn"
            label={t('consult.seenIn')}
            value={seenIn}
            onChange={setSeenIn}
            codes={countryCodes()}
            labelOf={countryName}
            empty={t('publish.chooseCountry')}
          />
        )}
        <button type="submit" data-testid="consultation-reply" disabled={result.fetching || !body.trim()}>
          {t('consult.sendReply')}
        </button>
        {result.error && <ErrorAlert error={result.error} />}
      </form>
      {c.requests.map((r) => (
        <RequestCard key={r.id} r={r} ownAgency={ownAgency} agencyName={agencyName} onChanged={onChanged} />
      ))}
      {asking ? (
        <RequestForm
          c={c}
          ownAgency={ownAgency}
          agencyName={agencyName}
          onDone={() => {
            setAsking(false);
            onChanged();
          }}
        />
      ) : (
        <button type="button" data-testid="request-new" onClick={() => setAsking(true)}>
          {t('consult.toRequest')}
        </button>
      )}
    </section>
  );
}

export function Consultations({ hash, ownAgency, agencyName }: { hash: string; ownAgency: string; agencyName: (id: string) => string }) {
  const t = useT();
  const [{ data, error }, refetch] = useQuery({ query: ConsultationsQuery, requestPolicy: 'cache-and-network' });
  const [selected, setSelected] = useState<string | null>(null);
  const params = newConsultationParams(hash);
  const list = data?.consultations ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // A message or a request's change, ours or the other agency's, shows without Refresh.
  const changed = useActivityChanges('consultation', 'request');
  useEffect(() => {
    if (changed > 0) refetch({ requestPolicy: 'network-only' });
  }, [changed, refetch]);
  const current = list.find((c) => c.id === selected) ?? (params ? undefined : list[0]);
  return (
    <section>
      <div className="page-head">
        <h1>{t('nav.consultations')}</h1>
        <button type="button" className="link" onClick={reload}>
          {t('consult.refresh')}
        </button>
      </div>
      {error && <ErrorAlert error={error}>{t('consult.failed')}</ErrorAlert>}
      {params && (
        <NewConsultation
          params={params}
          agencyName={agencyName}
          onOpened={(id) => {
            setSelected(id);
            location.hash = '#/consultations';
            reload();
          }}
        />
      )}
      <div className="consultations">
        <ul className="consultation-list" aria-label={t('nav.consultations')}>
          {list.length === 0 && <li className="empty">{t('consult.none')}</li>}
          {list.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`link ${c.id === current?.id ? 'current' : ''}`}
                data-testid="consultation-item"
                onClick={() => setSelected(c.id)}
              >
                {c.subject}
              </button>
              <small className="muted"> · {agencyName(c.openedBy === ownAgency ? c.counterpart : c.openedBy)}</small>
              {c.protection.length > 0 && <span className="badge badge-protection">{t('consult.protectionBadge')}</span>}
            </li>
          ))}
        </ul>
        {current && <Thread c={current} ownAgency={ownAgency} agencyName={agencyName} onChanged={reload} />}
      </div>
    </section>
  );
}
