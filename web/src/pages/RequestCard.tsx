// A request's card (issue 7, clocks of issue 17): its status, countdown, history and the moves this
// agency's side may make. Its own module because Requests lists the same cards: the Consultations
// page and the Requests page then load it as one shared chunk, each page staying a chunk of its own.
import { clockRuns, REQUEST_REFUSAL_GROUNDS, REQUEST_TRANSITIONS, type RequestStatus, statusChangeProblem } from '@corridor/proto';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { ErrorAlert } from '../components/ErrorAlert';
import { CodeSelect, Field } from '../components/Field';
import { serverFieldErrors } from '../field-errors';
import type { RequestFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import { dateTimeText, label } from '../labels';
import { EscalateRequestMutation, RequestStatusMutation } from './Consultations.documents';

const typeLabel = label.requestType;
const statusLabel = label.requestStatus;
const groundLabel = label.refusalGround;
/** Statuses that carry a ground from Directive 2023/977 Art. 6. */
const REASONED: readonly string[] = ['refused', 'clarification_requested'];
const isRequestStatus = (s: string): s is RequestStatus => Object.hasOwn(REQUEST_TRANSITIONS, s);

/** The statuses this agency's side may move the request to now (none from a status this console does not know). */
function nextStatuses(r: RequestFieldsFragment, ownAgency: string): RequestStatus[] {
  const status = r.status;
  if (!isRequestStatus(status)) return [];
  return (Object.keys(REQUEST_TRANSITIONS) as RequestStatus[]).filter((s) => statusChangeProblem({ ...r, status }, s, ownAgency) === null);
}

/** How long is left on a request's clock, re-read every 30 s; warned from `warnAt`, overdue from `deadline`. */
function Countdown({ deadline, warnAt, running }: { deadline: string; warnAt?: string | null; running: boolean }) {
  const t = useT();
  const intl = useIntl();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [running]);
  const left = Date.parse(deadline) - now;
  const stage = !running ? 'stopped' : left <= 0 ? 'overdue' : warnAt && Date.parse(warnAt) <= now ? 'warning' : 'running';
  const span = durationText(Math.abs(left), (n, unit) => intl.formatNumber(n, { style: 'unit', unit, unitDisplay: 'short' }));
  return (
    <span className={`countdown countdown-${stage}`} data-testid="request-countdown" data-stage={stage}>
      {stage === 'overdue'
        ? t('consult.overdueBy', { time: span })
        : stage === 'stopped'
          ? t('consult.neededBy', { date: dateTimeText(deadline) })
          : t('consult.timeLeft', { time: span, date: dateTimeText(deadline) })}
    </span>
  );
}

/** A span as days, hours and minutes, the two largest units that are not zero. */
function durationText(ms: number, fmt: (n: number, unit: 'day' | 'hour' | 'minute') => string): string {
  const minutes = Math.floor(ms / 60_000);
  const parts: [number, 'day' | 'hour' | 'minute'][] = [
    [Math.floor(minutes / 1440), 'day'],
    [Math.floor(minutes / 60) % 24, 'hour'],
    [minutes % 60, 'minute'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  return shown.length > 0 ? shown.map(([n, u]) => fmt(n, u)).join(' ') : fmt(0, 'minute');
}

export function RequestCard({
  r,
  ownAgency,
  agencyName,
  onChanged,
}: {
  r: RequestFieldsFragment;
  ownAgency: string;
  agencyName: (id: string) => string;
  onChanged?: () => void;
}) {
  const t = useT();
  const [result, setStatus] = useMutation(RequestStatusMutation);
  const [reference, setReference] = useState('');
  const [answer, setAnswer] = useState('');
  const [ground, setGround] = useState('');
  const [escalation, escalate] = useMutation(EscalateRequestMutation);
  const receiving = r.receivingAuthority.agency === ownAgency;
  const fieldErrors = serverFieldErrors(result.error?.graphQLErrors[0]?.extensions);
  const answerErrors = fieldErrors.answer;
  const reasonErrors = fieldErrors.reason;
  const running = isRequestStatus(r.status) && clockRuns({ status: r.status, ...(r.deadline ? { deadline: r.deadline } : {}) });
  const mayEscalate = onChanged && !receiving && running && !r.escalatedAt && r.warnAt != null && Date.parse(r.warnAt) <= Date.now();
  return (
    <article className="request" data-testid="request" data-request-id={r.id} data-status={r.status}>
      <header>
        <strong>{typeLabel(r.requestType)}</strong> <span className={`badge status-${r.status}`}>{statusLabel(r.status)}</span>
        {r.urgent && <span className="badge badge-stale">{t('consult.urgent')}</span>}
        {r.deadline && (
          <>
            {' '}
            · <Countdown deadline={r.deadline} warnAt={r.warnAt} running={running} />
          </>
        )}
      </header>
      {r.escalatedAt && (
        <p className="escalated" data-testid="request-escalated" role="status">
          {r.escalatedTo
            ? t('consult.escalatedTo', { name: r.escalatedTo, at: dateTimeText(r.escalatedAt) })
            : t('consult.escalated', { at: dateTimeText(r.escalatedAt) })}
        </p>
      )}
      {r.reason && (
        <p data-testid="request-reason">
          {t(r.status === 'clarification_requested' ? 'consult.clarificationGround' : 'consult.refusalGround', {
            ground: groundLabel(r.reason),
          })}
        </p>
      )}
      <p>{r.summary}</p>
      <p className="muted">
        {t('consult.parties', {
          from: r.sendingAuthority.name,
          fromAgency: agencyName(r.sendingAuthority.agency),
          fromRef: r.senderReference,
          to: r.receivingAuthority.name,
          toAgency: agencyName(r.receivingAuthority.agency),
          toRef: r.receiverReference || 'none',
        })}
      </p>
      {r.answer && (
        <blockquote className="request-answer" data-testid="request-answer">
          {t('consult.answer', { answer: r.answer })}
        </blockquote>
      )}
      <ol className="history" data-testid="request-history">
        {r.history.map((h) => (
          <li key={`${h.at}-${h.status}`}>
            {dateTimeText(h.at)} —{' '}
            {t('consult.historyBy', { status: statusLabel(h.status), author: h.author, agency: agencyName(h.agency) })}
            {h.note ? `: ${h.note}` : ''}
          </li>
        ))}
      </ol>
      {onChanged && nextStatuses(r, ownAgency).length > 0 && (
        <div className="actions">
          {receiving && r.status === 'sent' && (
            <input
              aria-label={t('consult.ourReference')}
              placeholder={t('consult.ourReference')}
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          )}
          {nextStatuses(r, ownAgency).some((s) => REASONED.includes(s)) && (
            <Field id={`request-ground-${r.id}`} path="reason" label={t('consult.ground')} errors={reasonErrors}>
              <CodeSelect
                id={`request-ground-${r.id}`}
                value={ground}
                onChange={setGround}
                codes={REQUEST_REFUSAL_GROUNDS}
                labelOf={groundLabel}
                empty={t('consult.groundNone')}
              />
            </Field>
          )}
          {nextStatuses(r, ownAgency).includes('answered') && (
            <Field id={`request-answer-${r.id}`} path="answer" label={t('consult.answerField')} errors={answerErrors}>
              <textarea id={`request-answer-${r.id}`} rows={3} value={answer} onChange={(e) => setAnswer(e.target.value)} />
            </Field>
          )}
          {nextStatuses(r, ownAgency).map((s) => (
            <button
              key={s}
              type="button"
              data-testid={`request-set-${s}`}
              disabled={result.fetching}
              onClick={async () => {
                const input = {
                  status: s,
                  ...(reference ? { reference } : {}),
                  ...(s === 'answered' && answer.trim() ? { answer: answer.trim() } : {}),
                  ...(REASONED.includes(s) && ground ? { reason: ground } : {}),
                };
                const res = await setStatus({ requestId: r.id, input });
                if (res.data) onChanged();
              }}
            >
              {s === 'sent' ? t('consult.send') : t('consult.mark', { status: statusLabel(s).toLocaleLowerCase() })}
            </button>
          ))}
        </div>
      )}
      {mayEscalate && (
        <div className="actions">
          <button
            type="button"
            data-testid="request-escalate"
            disabled={escalation.fetching}
            onClick={async () => {
              const res = await escalate({ requestId: r.id });
              if (res.data) onChanged?.();
            }}
          >
            {t('consult.escalate')}
          </button>
        </div>
      )}
      {escalation.error && <ErrorAlert error={escalation.error} />}
      {result.error && !answerErrors && !reasonErrors && <ErrorAlert error={result.error} />}
    </article>
  );
}
