// The route: its region, the waypoints in order of travel, and the modus operandi seen on it.
import { COMMUNICATION_PLATFORMS, CONCEALMENT_METHODS, ROUTE_REGIONS, TRANSPORT_MEANS, TRANSPORT_MODES } from '@corridor/proto';
import type { AlertForm } from '../../alert-form';
import { Checkboxes, CodeField, Field, FieldGroup } from '../../components/Field';
import { COUNTRY_CODES, countryName, label } from '../../labels';
import { NumberField, RemoveRow } from './controls';
import type { SectionProps } from './section-props';

export function RouteSection({ form, set, fields }: SectionProps) {
  const setWaypoint = (i: number, patch: Partial<AlertForm['waypoints'][number]>) =>
    set({ waypoints: form.waypoints.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  return (
    <fieldset>
      <legend>Route and modus operandi</legend>
      <CodeField
        id="route-region"
        path="route.region"
        label="Route"
        errors={fields.err('route.region')}
        value={form.region}
        onChange={(region) => set({ region })}
        codes={ROUTE_REGIONS}
        labelOf={label.region}
      />
      <FieldGroup
        id="waypoints"
        path="route.waypoints"
        legend="Waypoints, in order of travel"
        errors={fields.err('route', 'route.waypoints')}
        hint="From where the journey starts to where it was seen or is heading; at least two."
      >
        <ol className="rows">
          {form.waypoints.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
            <li className="row" key={i}>
              <CodeField
                id={`waypoint-${i}-country`}
                path={`route.waypoints.${i}.country`}
                label={`Waypoint ${i + 1} country`}
                errors={fields.err(`route.waypoints.${i}.country`, `route.waypoints.${i}`)}
                value={w.country}
                onChange={(country) => setWaypoint(i, { country })}
                codes={COUNTRY_CODES}
                labelOf={countryName}
                empty="Choose a country"
              />
              <Field
                id={`waypoint-${i}-place`}
                path={`route.waypoints.${i}.place`}
                label={`Place`}
                errors={fields.err(`route.waypoints.${i}.place`)}
                offer={fields.offerAt(`route.waypoints.${i}.place`)}
              >
                <input
                  id={`waypoint-${i}-place`}
                  aria-label={`Place of waypoint ${i + 1}`}
                  value={w.place}
                  onChange={(e) => setWaypoint(i, { place: e.target.value })}
                />
              </Field>
              <CodeField
                id={`waypoint-${i}-mode`}
                path={`route.waypoints.${i}.mode`}
                label="Travelling by"
                errors={fields.err(`route.waypoints.${i}.mode`)}
                value={w.mode}
                onChange={(mode) => setWaypoint(i, { mode })}
                codes={TRANSPORT_MODES}
                labelOf={label.mode}
                empty="Not known"
              />
              {form.waypoints.length > 2 && (
                <RemoveRow what={`waypoint ${i + 1}`} onRemove={() => set({ waypoints: form.waypoints.filter((_, j) => j !== i) })} />
              )}
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="secondary"
          onClick={() => set({ waypoints: [...form.waypoints, { country: '', place: '', mode: '' }] })}
        >
          + Add waypoint
        </button>
      </FieldGroup>
      <div className="row">
        <CodeField
          id="transport"
          path="routeDetails.transport"
          label="Means of transport"
          errors={fields.err('routeDetails', 'routeDetails.transport')}
          value={form.transport}
          onChange={(transport) => set({ transport })}
          codes={TRANSPORT_MEANS}
          labelOf={label.transport}
          empty="Choose a means of transport"
        />
        <CodeField
          id="concealment"
          path="routeDetails.concealment"
          label="Concealment"
          errors={fields.err('routeDetails.concealment')}
          value={form.concealment}
          onChange={(concealment) => set({ concealment })}
          codes={CONCEALMENT_METHODS}
          labelOf={label.concealment}
          empty="Not known"
        />
      </div>
      <FieldGroup
        id="platforms"
        path="routeDetails.communicationPlatforms"
        legend="Platforms the smugglers use"
        errors={fields.err('routeDetails.communicationPlatforms')}
      >
        <Checkboxes
          name="platform"
          codes={COMMUNICATION_PLATFORMS}
          selected={form.platforms}
          onChange={(platforms) => set({ platforms })}
          labelOf={label.platform}
        />
      </FieldGroup>
      <div className="row">
        <NumberField
          id="price"
          path="routeDetails.priceObserved.amount"
          label="Price per person"
          errors={fields.err('routeDetails.priceObserved', 'routeDetails.priceObserved.amount')}
          inputMode="decimal"
          value={form.price}
          onChange={(price) => set({ price })}
        />
        <Field
          id="currency"
          path="routeDetails.priceObserved.currency"
          label="Currency"
          errors={fields.err('routeDetails.priceObserved.currency')}
        >
          <input
            id="currency"
            className="short"
            value={form.currency}
            maxLength={3}
            onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
          />
        </Field>
        <NumberField
          id="migrants"
          path="routeDetails.migrantCount"
          label="Number of migrants"
          errors={fields.err('routeDetails.migrantCount')}
          value={form.migrants}
          onChange={(migrants) => set({ migrants })}
        />
      </div>
      <FieldGroup
        id="vulnerable"
        path="routeDetails.vulnerablePersons"
        legend="Vulnerable persons among them"
        errors={fields.err('routeDetails.vulnerablePersons')}
        hint="So that protection services can be ready on arrival."
      >
        <div className="row">
          <NumberField
            id="children"
            path="routeDetails.vulnerablePersons.children"
            label="Children"
            errors={fields.err('routeDetails.vulnerablePersons.children')}
            value={form.children}
            onChange={(children) => set({ children })}
          />
          <NumberField
            id="unaccompanied"
            path="routeDetails.vulnerablePersons.unaccompaniedMinors"
            label="Unaccompanied minors"
            errors={fields.err('routeDetails.vulnerablePersons.unaccompaniedMinors')}
            value={form.unaccompanied}
            onChange={(unaccompanied) => set({ unaccompanied })}
          />
          <NumberField
            id="pregnant"
            path="routeDetails.vulnerablePersons.pregnantWomen"
            label="Pregnant women"
            errors={fields.err('routeDetails.vulnerablePersons.pregnantWomen')}
            value={form.pregnant}
            onChange={(pregnant) => set({ pregnant })}
          />
        </div>
      </FieldGroup>
    </fieldset>
  );
}
