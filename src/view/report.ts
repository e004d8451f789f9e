import { toEpoch, type LocalDate } from '../incident/dates.js';
import type { Incident } from '../incident/incident.js';
import { orderNewestFirst } from '../incident/status.js';
import { withoutUndefined } from '../shared.js';
import { toTableCell, type DateView, type Shown } from './values.js';

/** A length of time in whole hours and the minutes left over: "49 Stunden", "3 hours 30 minutes". */
export interface DurationView {
  hours: number;
  minutes: number;
}

/** One row of the timeline: an entry of the update log, its text on one line for a table cell. */
export interface TimelineEntry {
  at: DateView;
  event: string;
  is: Record<string, boolean>;
}

/**
 * How long one service was down: from `incident.detected` (when the incident began; the file
 * records no earlier moment for a service) until its `since` once it is `restored`. A service
 * still down or limited, or restored without `since`, has no `until` and no duration.
 */
export interface DowntimeView {
  name: string;
  is: Record<string, boolean>;
  from: DateView;
  until?: DateView;
  duration?: DurationView;
}

/** The final report as templates see it (built only for a resolved incident). */
export interface ReportView {
  timeline: TimelineEntry[];
  /** When the update that set `phase: resolved` was published. */
  resolved?: DateView;
  /** From `incident.detected` to `resolved`. */
  duration?: DurationView;
  downtimes: DowntimeView[];
  hasDowntimes: boolean;
  cause?: string;
  findings?: string;
  lessons?: string;
  nextSteps?: string;
}

/**
 * The time between two instants, which `toEpoch` takes from each date's own UTC offset in the
 * organisation's time zone: a day across a change of daylight saving time has 23 or 25 hours.
 */
export function measureDuration(from: LocalDate, until: LocalDate): DurationView | undefined {
  const minutes = Math.round((toEpoch(until) - toEpoch(from)) / 60_000);
  if (minutes < 0) return undefined;
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** The report of a resolved incident; undefined in any other phase. */
export function showReport(incident: Incident, shown: Shown<Incident>): ReportView | undefined {
  if (incident.incident.phase !== 'resolved') return undefined;
  const oldestFirst = orderNewestFirst(incident.updates).reverse();
  const timeline = oldestFirst.map((i) => {
    const u = shown.updates[i]!;
    const is = Object.fromEntries([u.status, u.phase].filter(Boolean).map((k) => [k, true]));
    return { at: u.at, event: toTableCell(u.text), is };
  });
  const resolvedAt = oldestFirst.findLast((i) => incident.updates[i]!.phase === 'resolved');
  const detected = incident.incident.detected;
  const end = resolvedAt === undefined ? undefined : incident.updates[resolvedAt]!.at;
  const downtimes = incident.services.map((service, i) => {
    const until = service.state === 'restored' ? service.since : undefined;
    return withoutUndefined({
      name: shown.services[i]!.name,
      is: { [service.state]: true },
      from: shown.incident.detected,
      until: until && shown.services[i]!.since,
      duration: until && measureDuration(detected, until),
    });
  });
  const texts = shown.report;
  return withoutUndefined({
    timeline,
    resolved: resolvedAt === undefined ? undefined : shown.updates[resolvedAt]!.at,
    duration: end && measureDuration(detected, end),
    downtimes,
    hasDowntimes: downtimes.length > 0,
    cause: texts?.cause?.trimEnd(),
    findings: texts?.findings?.trimEnd(),
    lessons: texts?.lessons?.trimEnd(),
    nextSteps: texts?.next_steps?.trimEnd(),
  });
}
