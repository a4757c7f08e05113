// "Request permission" on a partner's alert whose handling code or evidence marking asks for it
// (H1: evidence use; H2: passing on or acting): the question goes to the owner as a consultation
// event, and the answer comes back in Consultations. A TLP:AMBER+STRICT alert is never passed on,
// so passing on is not offered for one (the node would refuse it anyway).
import { PERMISSION_PURPOSES } from '@corridor/proto';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { MeQuery } from '../App.documents';
import { operationFieldErrors } from '../field-errors';
import type { AlertFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import { label } from '../labels';
import { ErrorAlert } from './ErrorAlert';
import { CodeField, Field } from './Field';
import { AskPermissionMutation } from './RequestPermission.documents';

/** Whether the owner's leave is needed for anything a receiver may want to do with the alert. */
export function asksPermission(a: Pick<AlertFieldsFragment, 'handlingCode' | 'evidence'>): boolean {
  return a.handlingCode === 'H1' || a.handlingCode === 'H2' || a.evidence?.use !== 'permitted';
}

export function RequestPermission({ alert, agencyName }: { alert: AlertFieldsFragment; agencyName: (id: string) => string }) {
  const t = useT();
  const [{ data }] = useQuery({ query: MeQuery });
  const purposes = PERMISSION_PURPOSES.filter((p) => p !== 'pass_on' || alert.tlp !== 'AMBER+STRICT');
  const [purpose, setPurpose] = useState<string>(alert.handlingCode === 'H2' ? 'act' : 'evidence');
  const [passTo, setPassTo] = useState('');
  const [reason, setReason] = useState('');
  const [result, ask] = useMutation(AskPermissionMutation);
  const errors = operationFieldErrors(result.error);
  const others = (data?.agencies ?? []).map((a) => a.id).filter((id) => id !== alert.origin.agency && id !== data?.me.agency);
  const id = `permission-${alert.id}`;
  if (result.data) return <p role="status">{t('permission.sent')}</p>;
  return (
    <details className="request-permission" data-testid="request-permission">
      <summary>{t('permission.request')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void ask({ input: { alertId: alert.id, purpose, reason, ...(purpose === 'pass_on' ? { passTo } : {}) } });
        }}
      >
        <CodeField
          id={`${id}-purpose`}
          path="purpose"
          label={t('permission.purpose')}
          errors={errors.purpose}
          value={purpose}
          onChange={setPurpose}
          codes={purposes}
          labelOf={label.permissionPurpose}
        />
        {purpose === 'pass_on' && (
          <CodeField
            id={`${id}-pass-to`}
            path="passTo"
            label={t('permission.passTo')}
            errors={errors.passTo}
            value={passTo}
            onChange={setPassTo}
            codes={others}
            labelOf={agencyName}
            empty={t('permission.chooseAgency')}
          />
        )}
        <Field id={`${id}-reason`} path="reason" label={t('permission.reason')} errors={errors.reason}>
          <textarea id={`${id}-reason`} rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <button type="submit" disabled={result.fetching || !reason.trim()}>
          {t('permission.send', { agency: agencyName(alert.origin.agency) })}
        </button>
        {result.error && Object.keys(errors).length === 0 && <ErrorAlert error={result.error} />}
      </form>
    </details>
  );
}
