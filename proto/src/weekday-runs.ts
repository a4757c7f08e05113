// Opening days written the way people write them: a run of three or more following days as a
// range (mon-fri, sat-mon across the week's end), shorter runs as a list. A run stops at seven
// days so it never reads as mon-mon. The CSV cell and the vCard note both write days this way.
import { WEEKDAYS, type Weekday } from './codes.js';

/** `days` (in the order given) cut into runs of following days; `range` for runs of three or more. */
function weekdayRuns(days: readonly Weekday[]): { days: Weekday[]; range: boolean }[] {
  const runs: { days: Weekday[]; range: boolean }[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && j - i < 6 && WEEKDAYS.indexOf(days[j + 1] as Weekday) === (WEEKDAYS.indexOf(days[j] as Weekday) + 1) % 7)
      j++;
    runs.push({ days: days.slice(i, j + 1), range: j - i >= 2 });
    i = j + 1;
  }
  return runs;
}

/** The runs joined: `name` turns a day into words, `dash` joins a range's ends, `comma` the parts. */
export function writeWeekdays(days: readonly Weekday[], name: (d: Weekday) => string, dash: string, comma: string): string {
  return weekdayRuns(days)
    .flatMap((r) => (r.range ? [`${name(r.days[0] as Weekday)}${dash}${name(r.days[r.days.length - 1] as Weekday)}`] : r.days.map(name)))
    .join(comma);
}
