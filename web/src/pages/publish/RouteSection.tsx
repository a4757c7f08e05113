// The route: its region, the waypoints in order of travel, and the modus operandi seen on it.
import { COMMUNICATION_PLATFORMS, CONCEALMENT_METHODS, ROUTE_REGIONS, TRANSPORT_MEANS, TRANSPORT_MODES } from '@corridor/proto';
import { CheckboxField, CodeField, FieldGroup } from '../../components/Field';
import { useT } from '../../i18n/I18nProvider';
import { countryCodes, countryName, label } from '../../labels';
import { EditableRows, NumberField, TextField } from './controls';
import { binders, type Choices, type SectionProps } from './section-props';

const choices = (t: ReturnType<typeof useT>) =>
  ({
    region: { codes: ROUTE_REGIONS, labelOf: label.region },
    transport: { codes: TRANSPORT_MEANS, labelOf: label.transport, empty: t('route.chooseTransport') },
    concealment: { codes: CONCEALMENT_METHODS, labelOf: label.concealment, empty: t('route.notKnown') },
    platforms: { codes: COMMUNICATION_PLATFORMS, labelOf: label.platform },
  }) satisfies Choices;

export function RouteSection(section: SectionProps) {
  const t = useT();
  const { form, set, fields } = section;
  const { text, list, code } = binders(section, choices(t));
  return (
    <fieldset>
      <legend>{t('route.legend')}</legend>
      <CodeField label={t('directory.route')} {...code('region', 'route.region')} />
      <FieldGroup
        id="waypoints"
        path="route.waypoints"
        legend={t('route.waypoints')}
        errors={fields.err('route', 'route.waypoints')}
        hint={t('route.waypointsHint')}
      >
        <EditableRows
          rows={form.waypoints}
          onChange={(waypoints) => set({ waypoints })}
          what={{ add: t('route.addWaypoint'), row: (n) => t('route.waypointRow', { n }) }}
          blank={() => ({ country: '', place: '', mode: '', latitude: '', longitude: '' })}
          removable={form.waypoints.length > 2}
        >
          {(w, i, setWaypoint) => {
            const at = (cell: string) => ({ id: `waypoint-${i}-${cell}`, path: `route.waypoints.${i}.${cell}` });
            return (
              <>
                <CodeField
                  {...at('country')}
                  label={t('route.waypointCountry', { n: i + 1 })}
                  errors={fields.err(`route.waypoints.${i}.country`, `route.waypoints.${i}`)}
                  value={w.country}
                  onChange={(country) => setWaypoint({ country })}
                  codes={countryCodes()}
                  labelOf={countryName}
                  empty={t('publish.chooseCountry')}
                />
                <TextField
                  {...at('place')}
                  label={t('route.place')}
                  aria-label={t('route.placeOf', { n: i + 1 })}
                  errors={fields.err(`route.waypoints.${i}.place`)}
                  offer={fields.offerAt(`route.waypoints.${i}.place`)}
                  value={w.place}
                  onChange={(place) => setWaypoint({ place })}
                />
                <TextField
                  {...at('latitude')}
                  label={t('route.latitude')}
                  className="short"
                  aria-label={t('route.latitudeOf', { n: i + 1 })}
                  placeholder="32.93"
                  errors={fields.err(`route.waypoints.${i}.latitude`)}
                  value={w.latitude ?? ''}
                  onChange={(latitude) => setWaypoint({ latitude })}
                />
                <TextField
                  {...at('longitude')}
                  label={t('route.longitude')}
                  className="short"
                  aria-label={t('route.longitudeOf', { n: i + 1 })}
                  placeholder="12.08"
                  errors={fields.err(`route.waypoints.${i}.longitude`)}
                  value={w.longitude ?? ''}
                  onChange={(longitude) => setWaypoint({ longitude })}
                />
                <CodeField
                  {...at('mode')}
                  label={t('route.travellingBy')}
                  errors={fields.err(`route.waypoints.${i}.mode`)}
                  value={w.mode}
                  onChange={(mode) => setWaypoint({ mode })}
                  codes={TRANSPORT_MODES}
                  labelOf={label.mode}
                  empty={t('route.notKnown')}
                />
              </>
            );
          }}
        </EditableRows>
      </FieldGroup>
      <div className="row">
        <CodeField label={t('route.transport')} {...code('transport', 'routeDetails.transport', 'routeDetails')} />
        <CodeField label={t('alert.concealment')} {...code('concealment', 'routeDetails.concealment')} />
      </div>
      <CheckboxField legend={t('route.platforms')} name="platform" {...list('platforms', 'routeDetails.communicationPlatforms')} />
      <div className="row">
        <NumberField
          label={t('route.price')}
          inputMode="decimal"
          {...text('price', 'routeDetails.priceObserved.amount', 'routeDetails.priceObserved')}
        />
        <TextField
          label={t('route.currency')}
          className="short"
          maxLength={3}
          upperCase
          {...text('currency', 'routeDetails.priceObserved.currency')}
        />
        <NumberField label={t('route.migrants')} {...text('migrants', 'routeDetails.migrantCount')} />
      </div>
      <FieldGroup
        id="vulnerable"
        path="routeDetails.vulnerablePersons"
        legend={t('route.vulnerable')}
        errors={fields.err('routeDetails.vulnerablePersons')}
        hint={t('route.vulnerableHint')}
      >
        <div className="row">
          <NumberField label={t('route.children')} {...text('children', 'routeDetails.vulnerablePersons.children')} />
          <NumberField label={t('route.unaccompanied')} {...text('unaccompanied', 'routeDetails.vulnerablePersons.unaccompaniedMinors')} />
          <NumberField label={t('route.pregnant')} {...text('pregnant', 'routeDetails.vulnerablePersons.pregnantWomen')} />
        </div>
      </FieldGroup>
    </fieldset>
  );
}
