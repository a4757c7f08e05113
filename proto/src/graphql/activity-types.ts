// The GraphQL shapes of an officer's live activity (proto activity.ts), declared once for every
// server of the network like the rest of the contract's types: the event that says "something
// changed, re-read" and the counts since the officer last looked. Kinds travel as strings.
// For the global PothosSchemaTypes namespace.
import '@pothos/core';
import type { ActivityCounts, ActivityEvent } from '../activity.js';
import type { ContractBuilder } from './contract-builder.js';

/** What the ActivityEvent type reads: a node's event, or its GraphQL answer. */
export type ActivityEventFields = Omit<ActivityEvent, 'kind' | 'consultationId'> & { kind: string; consultationId?: string | null };

export function defineActivityTypes<Context extends object, AuthScopes extends object>(builder: ContractBuilder<Context, AuthScopes>) {
  const ActivityEventRef = builder.objectRef<ActivityEventFields>('ActivityEvent').implement({
    description: 'Something arrived or changed for the officer: its kind and id, never what it says; read it through the usual queries.',
    fields: (t) => ({
      kind: t.exposeString('kind', { description: 'alert, consultation, request or protection (proto ACTIVITY_KINDS)' }),
      id: t.exposeID('id', { description: 'The alert, the consultation event, or the source of a protection notice.' }),
      consultationId: t.exposeID('consultationId', { nullable: true }),
    }),
  });

  const ActivityCountsRef = builder.objectRef<ActivityCounts>('ActivityCounts').implement({
    description: 'How many of each kind arrived since the officer last opened the page that shows it.',
    fields: (t) => ({
      alert: t.exposeInt('alert', { description: 'Partners’ alerts matching the officer’s route subscription.' }),
      consultation: t.exposeInt('consultation', { description: 'Consultations opened and messages written by the other agency.' }),
      request: t.exposeInt('request', { description: 'Requests made or moved on by the other agency.' }),
      protection: t.exposeInt('protection', { description: 'Protection notices raised at the node.' }),
    }),
  });

  return { ActivityCountsRef, ActivityEventRef };
}
