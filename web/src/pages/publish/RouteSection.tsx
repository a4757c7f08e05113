// The route: its region, the waypoints in order of travel, and the modus operandi seen on it.
import { COMMUNICATION_PLATFORMS, CONCEALMENT_METHODS, ROUTE_REGIONS, TRANSPORT_MEANS, TRANSPORT_MODES } from '@corridor/proto';
import { CheckboxField, CodeField, FieldGroup } from '../../components/Field';
import { COUNTRY_CODES, countryName, label } from '../../labels';
import { EditableRows, NumberField, TextField } from './controls';
import { binders, type Choices, type SectionProps } from './section-props';

const CHOICES = {
  region: { codes: ROUTE_REGIONS, labelOf: label.region },
  transport: { codes: TRANSPORT_MEANS, labelOf: label.transport, empty: 'Choose a means of transport' },
  concealment: { codes: CONCEALMENT_METHODS, labelOf: label.concealment, empty: 'Not known' },
  platforms: { codes: COMMUNICATION_PLATFORMS, labelOf: label.platform },
} satisfies Choices;

export function RouteSection(section: SectionProps) {
  const { form, set, fields } = section;
  const { text, list, code } = binders(section, CHOICES);
  return (
    <fieldset>
      <legend>Route and modus operandi</legend>
      <CodeField label="Route" {...code('region', 'route.region')} />
      <FieldGroup
        id="waypoints"
        path="route.waypoints"
        legend="Waypoints, in order of travel"
        errors={fields.err('route', 'route.waypoints')}
        hint="From where the journey starts to where it was seen or is heading; at least two. Latitude and longitude are optional (decimal degrees, kept to about 1 km); without them the map marks the country's centre."
      >
        <EditableRows
          rows={form.waypoints}
          onChange={(waypoints) => set({ waypoints })}
          what="waypoint"
          blank={() => ({ country: '', place: '', mode: '', latitude: '', longitude: '' })}
          removable={form.waypoints.length > 2}
        >
          {(w, i, setWaypoint) => {
            const at = (cell: string) => ({ id: `waypoint-${i}-${cell}`, path: `route.waypoints.${i}.${cell}` });
            return (
              <>
                <CodeField
                  {...at('country')}
                  label={`Waypoint ${i + 1} country`}
                  errors={fields.err(`route.waypoints.${i}.country`, `route.waypoints.${i}`)}
                  value={w.country}
                  onChange={(country) => setWaypoint({ country })}
                  codes={COUNTRY_CODES}
                  labelOf={countryName}
                  empty="Choose a country"
                />
                <TextField
                  {...at('place')}
                  label="Place"
                  aria-label={`Place of waypoint ${i + 1}`}
                  errors={fields.err(`route.waypoints.${i}.place`)}
                  offer={fields.offerAt(`route.waypoints.${i}.place`)}
                  value={w.place}
                  onChange={(place) => setWaypoint({ place })}
                />
                <TextField
                  {...at('latitude')}
                  label="Latitude"
                  className="short"
                  aria-label={`Latitude of waypoint ${i + 1}`}
                  placeholder="32.93"
                  errors={fields.err(`route.waypoints.${i}.latitude`)}
                  value={w.latitude ?? ''}
                  onChange={(latitude) => setWaypoint({ latitude })}
                />
                <TextField
                  {...at('longitude')}
                  label="Longitude"
                  className="short"
                  aria-label={`Longitude of waypoint ${i + 1}`}
                  placeholder="12.08"
                  errors={fields.err(`route.waypoints.${i}.longitude`)}
                  value={w.longitude ?? ''}
                  onChange={(longitude) => setWaypoint({ longitude })}
                />
                <CodeField
                  {...at('mode')}
                  label="Travelling by"
                  errors={fields.err(`route.waypoints.${i}.mode`)}
                  value={w.mode}
                  onChange={(mode) => setWaypoint({ mode })}
                  codes={TRANSPORT_MODES}
                  labelOf={label.mode}
                  empty="Not known"
                />
              </>
            );
          }}
        </EditableRows>
      </FieldGroup>
      <div className="row">
        <CodeField label="Means of transport" {...code('transport', 'routeDetails.transport', 'routeDetails')} />
        <CodeField label="Concealment" {...code('concealment', 'routeDetails.concealment')} />
      </div>
      <CheckboxField legend="Platforms the smugglers use" name="platform" {...list('platforms', 'routeDetails.communicationPlatforms')} />
      <div className="row">
        <NumberField
          label="Price per person"
          inputMode="decimal"
          {...text('price', 'routeDetails.priceObserved.amount', 'routeDetails.priceObserved')}
        />
        <TextField
          label="Currency"
          className="short"
          maxLength={3}
          upperCase
          {...text('currency', 'routeDetails.priceObserved.currency')}
        />
        <NumberField label="Number of migrants" {...text('migrants', 'routeDetails.migrantCount')} />
      </div>
      <FieldGroup
        id="vulnerable"
        path="routeDetails.vulnerablePersons"
        legend="Vulnerable persons among them"
        errors={fields.err('routeDetails.vulnerablePersons')}
        hint="So that protection services can be ready on arrival."
      >
        <div className="row">
          <NumberField label="Children" {...text('children', 'routeDetails.vulnerablePersons.children')} />
          <NumberField label="Unaccompanied minors" {...text('unaccompanied', 'routeDetails.vulnerablePersons.unaccompaniedMinors')} />
          <NumberField label="Pregnant women" {...text('pregnant', 'routeDetails.vulnerablePersons.pregnantWomen')} />
        </div>
      </FieldGroup>
    </fieldset>
  );
}
