// A liaison officer's routes: what they follow (kept at their own node), and every matching
// alert, unread ones first marked as such; new matches arrive live. What came in while the officer
// was away is waiting here, unread.
import { ALERT_KINDS, ROUTE_REGIONS } from '@corridor/proto';
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { AlertCard } from '../components/AlertCard';
import { CheckboxField, CodeField, Field, MultiCodeSelect } from '../components/Field';
import { type ErrorsByPath, serverFieldErrors } from '../field-errors';
import type { AlertFieldsFragment, RouteSubscriptionInput, SubscriptionFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import { countryCodes, countryName, GRADING_SCALES, type GradingScale, label } from '../labels';
import { mergeFeed } from '../merge-feed';
import { MarkAlertsReadMutation, MyRoutesQuery, SetSubscriptionMutation, SubscribedFeedSubscription } from './MyRoutes.documents';

type Draft = { kinds: string[]; regions: string[]; countries: string[]; source: string; information: string };

function draftOf(s: SubscriptionFieldsFragment | null | undefined): Draft {
  return {
    kinds: s?.kinds ?? [],
    regions: s?.regions ?? [],
    countries: s?.countries ?? [],
    source: s?.minimumGrading?.source ?? '',
    information: s?.minimumGrading?.information ?? '',
  };
}

function filterOf(d: Draft): RouteSubscriptionInput {
  const grading = d.source || d.information ? { minimumGrading: { source: d.source || 'X', information: d.information || '4' } } : {};
  return { kinds: d.kinds, regions: d.regions, countries: d.countries, ...grading };
}

function LiveMatches({ onAlert }: { onAlert: (a: AlertFieldsFragment) => void }) {
  useSubscription({ query: SubscribedFeedSubscription }, (_prev: unknown, event) => {
    onAlert(event.alertFeed);
    return event;
  });
  return null;
}

export function MyRoutes({ agencyName }: { agencyName: (id: string) => string }) {
  const t = useT();
  const [{ data, error }, reload] = useQuery({ query: MyRoutesQuery, requestPolicy: 'network-only' });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<ErrorsByPath>({});
  const [saved, setSaved] = useState(false);
  const [, save] = useMutation(SetSubscriptionMutation);
  const [, markRead] = useMutation(MarkAlertsReadMutation);
  const [arrived, setArrived] = useState<AlertFieldsFragment[]>([]);
  // The node reads the subscription when the live feed opens: reopen it after each save.
  const [feedVersion, setFeedVersion] = useState(0);

  const current = draft ?? draftOf(data?.mySubscription);
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...current, ...patch });
  };
  const chosen = (list: 'regions' | 'kinds') => ({
    id: `subscription-${list}`,
    path: list,
    errors: errors[list],
    selected: current[list],
    onChange: (codes: string[]) => set({ [list]: codes }),
  });
  const grading = (scale: GradingScale) => ({
    id: `subscription-${scale}`,
    path: `minimumGrading.${scale}`,
    errors: errors[`minimumGrading.${scale}`],
    value: current[scale],
    onChange: (v: string) => set({ [scale]: v }),
    empty: t('routes.any'),
    ...GRADING_SCALES[scale],
  });
  const readIds = useMemo(() => new Set(data?.subscribedAlerts.filter((s) => s.read).map((s) => s.alert.id)), [data]);
  const alerts = useMemo(() => mergeFeed(data?.subscribedAlerts.map((s) => s.alert) ?? [], arrived), [data, arrived]);
  const unread = alerts.filter((a) => !readIds.has(a.id));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const result = await save({ filter: filterOf(current) });
    const gqlError = result.error?.graphQLErrors[0];
    setErrors(gqlError ? serverFieldErrors(gqlError.extensions) : {});
    if (!gqlError && !result.error) {
      setSaved(true);
      setDraft(null);
      setArrived([]);
      setFeedVersion((v) => v + 1);
      reload({ requestPolicy: 'network-only' });
    }
  }

  async function markAllRead() {
    await markRead({ ids: unread.map((a) => a.id) });
    setArrived([]);
    reload({ requestPolicy: 'network-only' });
  }

  return (
    <section>
      <LiveMatches key={feedVersion} onAlert={(a) => setArrived((l) => mergeFeed(l, [a]))} />
      <h1>{t('nav.routes')}</h1>
      {error && !data && <p className="error">{error.message}</p>}
      <form className="publish" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('routes.legend')}</legend>
          <p className="hint">{t('routes.hint')}</p>
          <CheckboxField legend={t('contact.routes')} name="region" codes={ROUTE_REGIONS} labelOf={label.region} {...chosen('regions')} />
          <CheckboxField legend={t('routes.kinds')} name="kind" codes={ALERT_KINDS} labelOf={label.kind} {...chosen('kinds')} />
          <Field id="subscription-countries" path="countries" label={t('routes.countries')} errors={errors.countries}>
            <MultiCodeSelect
              id="subscription-countries"
              size={6}
              value={current.countries}
              onChange={(countries) => set({ countries })}
              codes={countryCodes()}
              labelOf={countryName}
            />
          </Field>
          <div className="row">
            <CodeField label={t('routes.leastSource')} {...grading('source')} />
            <CodeField label={t('routes.leastInformation')} {...grading('information')} />
          </div>
          <button type="submit" className="primary" data-testid="subscription-save">
            {t('routes.save')}
          </button>
          {saved && (
            <span className="success" role="status" data-testid="subscription-saved">
              {' '}
              {t('routes.saved')}
            </span>
          )}
        </fieldset>
      </form>

      <div className="filters">
        <strong data-testid="unread-count">{t('routes.unread', { count: unread.length })}</strong>
        {unread.length > 0 && (
          <button type="button" className="link" data-testid="mark-all-read" onClick={markAllRead}>
            {t('routes.markAllRead')}
          </button>
        )}
      </div>
      {data && !data.mySubscription && <p>{t('routes.nothing')}</p>}
      {alerts.map((a) => (
        <div key={a.id} data-testid="route-alert" data-read={readIds.has(a.id) ? 'true' : 'false'}>
          <AlertCard alert={a} isNew={!readIds.has(a.id)} agencyName={agencyName} />
        </div>
      ))}
    </section>
  );
}
