import type { Report } from './date-rules.js';
import { compareDates, toIsoString } from './dates.js';
import type { WithDates } from './incident.js';
import type { IncidentFile, Status } from './schema.js';

type Parsed = WithDates<IncidentFile>;

/**
 * The rules of an incident told over days (issue 12): one list of services, updates that can be
 * put in order, a confirmation only of a known status.
 */
export function checkStory(parsed: Parsed, state: { status: Status }, report: Report): void {
  checkAffectedAndServices(parsed, report);
  checkUpdateDates(parsed, report);
  if (parsed.incident.confirmed && state.status === 'unknown') {
    report(
      ['incident', 'confirmed'],
      'incident.confirmed is set, but the status is unknown: nothing has been confirmed yet',
      'set the status to attack or malfunction, or remove confirmed',
      { severity: 'warning' },
    );
  }
}

/** `incident.affected` is the short form of `services` that are all down: one or the other. */
function checkAffectedAndServices(parsed: Parsed, report: Report): void {
  const { affected } = parsed.incident;
  if (affected.length === 0 || parsed.services.length === 0) return;
  const first = affected[0];
  const name = typeof first === 'string' ? first : '…';
  report(
    ['incident', 'affected'],
    'incident.affected and services both list services: keep one list',
    `move each entry to services, e.g. \`services: - { name: ${name}, state: down }\`, and remove incident.affected`,
    { key: true },
  );
}

/** Two updates at the same time cannot be put in order: the one listed first counts as newer. */
function checkUpdateDates(parsed: Parsed, report: Report): void {
  const updates = parsed.updates;
  updates.forEach((update, i) => {
    const earlier = updates.findIndex(
      (other, j) => j < i && other.at && update.at && compareDates(other.at, update.at) === 0,
    );
    if (earlier < 0 || !update.at) return;
    report(
      ['updates', i, 'at'],
      `this update has the same date as update ${earlier + 1} (${toIsoString(update.at)}): the one listed first counts as the newer`,
      'give each update its own time, e.g. 2026-11-27T09:30',
      { severity: 'warning' },
    );
  });
}
