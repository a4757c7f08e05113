// Amend and withdraw, for the agency that published the alert. An amendment corrects any field an
// officer got wrong on a bad night (the route or the document with the publish form's own
// sections); kind, sharing and recipients stay (the node refuses a change to them), and
// identifiers only accumulate, at publishing. A withdrawal says why. Both name the revision the officer was looking at: if someone
// else changed the alert meanwhile the node answers CONFLICT and nothing is overwritten.
import { EVIDENCE_USES, HANDLING_CODES, PROTECTION_FLAGS } from '@corridor/proto';
import { lazy, Suspense, useState } from 'react';
import { useMutation } from 'urql';
import { type AmendChanges, amendChangesOf, amendmentInput } from '../amend-input';
import { type ErrorsByPath, operationFieldErrors } from '../field-errors';
import type { AlertFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import { GRADING_SCALES, type GradingScale, label } from '../labels';
import { AmendAlertMutation, WithdrawAlertMutation } from './AlertActions.documents';
import { failureText } from './ErrorAlert';
import { Checkboxes, CodeField, Field } from './Field';

const AmendDetails = lazy(() => import('./AmendDetails').then((m) => ({ default: m.AmendDetails })));

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
  const [reason, setReason] = useState('');

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
    // The node says when the reason is missing, at the field: the console does not decide alone.
    const result = await withdraw({ id: alert.id, reason: reason.trim() || null, revision: seen });
    if (result.data?.withdrawAlert) {
      setMode('idle');
      setErrors({});
      return;
    }
    const fromServer = operationFieldErrors(result.error);
    setErrors(fromServer);
    if (Object.keys(fromServer).length === 0) setOutcome(outcomeOf(result.error, t));
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
              setReason('');
              setErrors({});
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
          <Field id={`amend-case-${alert.id}`} path="caseReference" label={t('actions.caseReference')} errors={errors.caseReference}>
            <input id={`amend-case-${alert.id}`} value={changes.caseReference} onChange={(e) => set({ caseReference: e.target.value })} />
          </Field>
          <fieldset className="group">
            <legend>{t('actions.vulnerableSeen')}</legend>
            <Checkboxes
              name={`amend-protection-${alert.id}`}
              codes={PROTECTION_FLAGS}
              selected={changes.protection}
              onChange={(protection) => set({ protection })}
              labelOf={label.protection}
            />
          </fieldset>
          {/* The owner may loosen or tighten what partners may do with it, e.g. permit its use as evidence to all. */}
          <CodeField
            id={`amend-handling-${alert.id}`}
            path="handlingCode"
            label={t('sharing.handlingCode')}
            errors={errors.handlingCode}
            value={changes.handlingCode}
            onChange={(handlingCode) => set({ handlingCode })}
            codes={HANDLING_CODES}
            labelOf={label.handlingCode}
          />
          {changes.handlingCode === 'H3' && (
            <Field
              id={`amend-conditions-${alert.id}`}
              path="handlingConditions"
              label={t('sharing.handlingConditions')}
              errors={errors.handlingConditions}
            >
              <input
                id={`amend-conditions-${alert.id}`}
                value={changes.handlingConditions}
                onChange={(e) => set({ handlingConditions: e.target.value })}
              />
            </Field>
          )}
          <CodeField
            id={`amend-evidence-${alert.id}`}
            path="evidence.use"
            label={t('sharing.evidenceUse')}
            errors={errors['evidence.use']}
            value={changes.evidenceUse}
            onChange={(evidenceUse) => set({ evidenceUse })}
            codes={EVIDENCE_USES}
            labelOf={label.evidenceUse}
            empty={t('publish.summaryLanguageNone')}
          />
          <Field
            id={`amend-basis-${alert.id}`}
            path="evidence.legalBasis"
            label={t('sharing.evidenceLegalBasis')}
            errors={errors['evidence.legalBasis']}
          >
            <input
              id={`amend-basis-${alert.id}`}
              value={changes.evidenceLegalBasis}
              onChange={(e) => set({ evidenceLegalBasis: e.target.value })}
            />
          </Field>
          <Field id={`amend-valid-${alert.id}`} path="validUntil" label={t('actions.validUntil')} errors={errors.validUntil}>
            <input
              id={`amend-valid-${alert.id}`}
              type="datetime-local"
              value={changes.validUntil}
              onChange={(e) => set({ validUntil: e.target.value })}
            />
          </Field>
          {/* The route or the document, with the publish form's own sections, fetched on the first amendment. */}
          <Suspense fallback={<p className="muted">{t('actions.loadingRest')}</p>}>
            <AmendDetails kind={alert.kind} form={changes} set={set} errors={errors} />
          </Suspense>
          <button type="submit" data-testid="amend-submit" disabled={amending}>
            {amending ? t('actions.sending') : t('actions.issueRevision', { revision: seen + 1 })}
          </button>
          <button type="button" className="link" onClick={() => setMode('idle')}>
            {t('actions.cancel')}
          </button>
        </form>
      )}
      {mode === 'withdraw' && (
        <div className="confirm" role="alertdialog" aria-label={t('actions.withdrawLabel')}>
          <p>{t('actions.withdrawConfirm')}</p>
          <Field id={`withdraw-reason-${alert.id}`} path="reason" label={t('actions.reason')} errors={errors.reason}>
            <textarea id={`withdraw-reason-${alert.id}`} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </Field>
          <button type="button" data-testid="withdraw-confirm" disabled={withdrawing} onClick={() => void confirmWithdrawal()}>
            {withdrawing ? t('actions.withdrawing') : t('actions.withdraw')}
          </button>{' '}
          <button type="button" className="link" onClick={() => setMode('idle')}>
            {t('actions.keepIt')}
          </button>
        </div>
      )}
      {outcome && (
        <p className="error" role="alert" data-testid={outcome.kind === 'conflict' ? 'amend-conflict' : 'amend-failure'}>
          {outcome.message}
        </p>
      )}
    </div>
  );
}
