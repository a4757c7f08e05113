// Amend and withdraw, for the agency that published the alert. An amendment edits what an officer
// corrects on a bad night (summary, grading, validity end); kind, sharing and recipients stay (the
// node refuses a change to them). Both name the revision the officer was looking at: if someone
// else changed the alert meanwhile the node answers CONFLICT and nothing is overwritten.
import { useState } from 'react';
import { useMutation } from 'urql';
import { type AmendChanges, amendChangesOf, amendmentInput } from '../amend-input';
import { type ErrorsByPath, operationFieldErrors } from '../field-errors';
import type { AlertFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import { GRADING_SCALES, type GradingScale } from '../labels';
import { AmendAlertMutation, WithdrawAlertMutation } from './AlertActions.documents';
import { failureText } from './ErrorAlert';
import { CodeField, Field } from './Field';

type Outcome = { kind: 'conflict' | 'failure'; message: string } | null;

function outcomeOf(
  error: { graphQLErrors: { message: string; extensions: Record<string, unknown> }[]; message: string } | undefined,
  t: ReturnType<typeof useT>,
): Outcome {
  const first = error?.graphQLErrors[0];
  if (first?.extensions?.code === 'CONFLICT') return { kind: 'conflict', message: t('actions.conflict', { reason: first.message }) };
  return { kind: 'failure', message: failureText(error) };
}

export function AlertActions({ alert }: { alert: AlertFieldsFragment }) {
  const t = useT();
  const [mode, setMode] = useState<'idle' | 'amend' | 'withdraw'>('idle');
  const [changes, setChanges] = useState<AmendChanges>(() => amendChangesOf(alert));
  const [errors, setErrors] = useState<ErrorsByPath>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [{ fetching: amending }, amend] = useMutation(AmendAlertMutation);
  const [{ fetching: withdrawing }, withdraw] = useMutation(WithdrawAlertMutation);
  // The revision the officer saw when they opened the editor or the confirmation.
  const [seen, setSeen] = useState(alert.revision);

  if (alert.status === 'withdrawn') return null;
  const set = (patch: Partial<AmendChanges>) => setChanges((c) => ({ ...c, ...patch }));
  const grading = (scale: GradingScale) => ({
    id: `amend-${scale}-${alert.id}`,
    path: `grading.${scale}`,
    errors: errors[`grading.${scale}`],
    value: changes[scale],
    onChange: (v: string) => set({ [scale]: v }),
    ...GRADING_SCALES[scale],
  });

  async function submitAmendment() {
    setOutcome(null);
    const result = await amend({ id: alert.id, input: amendmentInput(alert, changes), revision: seen });
    if (result.data?.amendAlert) {
      setMode('idle');
      setErrors({});
      return;
    }
    const fromServer = operationFieldErrors(result.error);
    setErrors(fromServer);
    if (Object.keys(fromServer).length === 0) setOutcome(outcomeOf(result.error, t));
  }

  async function confirmWithdrawal() {
    setOutcome(null);
    const result = await withdraw({ id: alert.id, revision: seen });
    if (result.data?.withdrawAlert) setMode('idle');
    else setOutcome(outcomeOf(result.error, t));
  }

  return (
    <div className="alert-actions">
      {mode === 'idle' && (
        <>
          <button
            type="button"
            data-testid="alert-amend"
            onClick={() => {
              setChanges(amendChangesOf(alert));
              setSeen(alert.revision);
              setMode('amend');
            }}
          >
            {t('actions.amend')}
          </button>
          <button
            type="button"
            data-testid="alert-withdraw"
            onClick={() => {
              setSeen(alert.revision);
              setMode('withdraw');
            }}
          >
            {t('actions.withdraw')}
          </button>
        </>
      )}
      {mode === 'amend' && (
        <form
          className="amend"
          aria-label={t('actions.amendLabel')}
          onSubmit={(e) => {
            e.preventDefault();
            void submitAmendment();
          }}
        >
          <Field id={`amend-summary-${alert.id}`} path="summary" label={t('publish.summary')} errors={errors.summary}>
            <textarea
              id={`amend-summary-${alert.id}`}
              value={changes.summary}
              onChange={(e) => set({ summary: e.target.value })}
              rows={3}
            />
          </Field>
          <CodeField label={t('actions.source')} {...grading('source')} />
          <CodeField label={t('actions.information')} {...grading('information')} />
          <Field id={`amend-valid-${alert.id}`} path="validUntil" label={t('actions.validUntil')} errors={errors.validUntil}>
            <input
              id={`amend-valid-${alert.id}`}
              type="datetime-local"
              value={changes.validUntil}
              onChange={(e) => set({ validUntil: e.target.value })}
            />
          </Field>
          <button type="submit" data-testid="amend-submit" disabled={amending}>
            {amending ? t('actions.sending') : t('actions.issueRevision', { revision: seen + 1 })}
          </button>
          <button type="button" className="link" onClick={() => setMode('idle')}>
            {t('actions.cancel')}
          </button>
        </form>
      )}
      {mode === 'withdraw' && (
        <p className="confirm" role="alertdialog" aria-label={t('actions.withdrawLabel')}>
          {t('actions.withdrawConfirm')}{' '}
          <button type="button" data-testid="withdraw-confirm" disabled={withdrawing} onClick={() => void confirmWithdrawal()}>
            {withdrawing ? t('actions.withdrawing') : t('actions.withdraw')}
          </button>{' '}
          <button type="button" className="link" onClick={() => setMode('idle')}>
            {t('actions.keepIt')}
          </button>
        </p>
      )}
      {outcome && (
        <p className="error" role="alert" data-testid={outcome.kind === 'conflict' ? 'amend-conflict' : 'amend-failure'}>
          {outcome.message}
        </p>
      )}
    </div>
  );
}
