// Statutory answer times (issue 17, item 2). A request's deadline is computed, not picked: the
// network's table, carried in the signed membership (`answerTimes`), gives the time a request of
// a type and urgency must be answered within, counted from its sending. Without a table the
// network follows Directive (EU) 2023/977, Art. 5(1): (a) 8 hours for urgent requests for
// information directly accessible to the requested authority, (b) 3 calendar days for other
// urgent requests, (c) 7 calendar days for all other requests. A request type the table does not
// list (mutual legal assistance, extradition, joint investigation teams: not under the Directive)
// gets the deadline its sending agency sets. Deadlines are instants (UTC offsets kept), never dates.
import { z } from 'zod';
import { REQUEST_TYPES, type RequestType } from './codes.js';
import { code } from './fields.js';

/** An ISO 8601 duration of days, hours, minutes and seconds, e.g. `PT8H`, `P3D`, `PT30S`. */
const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** The milliseconds of an ISO 8601 duration (`P3D` is 72 hours: a deadline is an instant), or null when it is not one. */
export function durationMs(d: string): number | null {
  const m = DURATION.exec(d);
  if (!m || d === 'P' || d.endsWith('T')) return null;
  const [days, hours, minutes, seconds] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number];
  return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}

const duration = z
  .string()
  .refine((d) => (durationMs(d) ?? 0) > 0, { message: 'must be an ISO 8601 duration of days to seconds, e.g. PT8H or P3D' });

export const answerTime = z.strictObject({
  requestType: code(REQUEST_TYPES, 'a request type: mla, extradition, joint_investigation_team or information_request'),
  urgent: z.boolean(),
  /** Whether the information asked is directly accessible to the requested side; absent: either. */
  directlyAccessible: z.boolean().optional(),
  within: duration,
});
export type AnswerTime = z.infer<typeof answerTime>;

/** The first row matching a request decides; a request type with no row is timed by its sender. */
export const answerTimes = z.array(answerTime).max(64);

/** Directive (EU) 2023/977, Art. 5(1)(a)–(c): the default table of every network. */
export const DIRECTIVE_2023_977_ANSWER_TIMES: readonly AnswerTime[] = [
  { requestType: 'information_request', urgent: true, directlyAccessible: true, within: 'PT8H' },
  { requestType: 'information_request', urgent: true, within: 'P3D' },
  { requestType: 'information_request', urgent: false, within: 'P7D' },
];

export interface TimedRequest {
  requestType: RequestType;
  urgent?: boolean | undefined;
  directlyAccessible?: boolean | undefined;
}

/** The table's row for a request, or null when its sending agency sets its time. */
export function answerTimeOf(table: readonly AnswerTime[] | undefined, r: TimedRequest): AnswerTime | null {
  const urgent = r.urgent ?? false;
  const direct = r.directlyAccessible ?? false;
  return (
    (table ?? DIRECTIVE_2023_977_ANSWER_TIMES).find(
      (t) =>
        t.requestType === r.requestType && t.urgent === urgent && (t.directlyAccessible === undefined || t.directlyAccessible === direct),
    ) ?? null
  );
}

/** When a request sent at `sentAt` falls due under the table, or null when its sender sets it. */
export function statutoryDueAt(table: readonly AnswerTime[] | undefined, r: TimedRequest, sentAt: string): string | null {
  const row = answerTimeOf(table, r);
  return row ? new Date(Date.parse(sentAt) + (durationMs(row.within) ?? 0)).toISOString() : null;
}

/** The share of a clock's time at which the console warns (75 %). */
export const CLOCK_WARNING_SHARE = 0.75;

/** The instant a clock running from `startedAt` to `dueAt` reaches its warning share. */
export function warningAt(startedAt: string, dueAt: string): string {
  const start = Date.parse(startedAt);
  return new Date(start + Math.round((Date.parse(dueAt) - start) * CLOCK_WARNING_SHARE)).toISOString();
}
