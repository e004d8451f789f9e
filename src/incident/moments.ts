import { compareDates, type LocalDate } from './dates.js';
import type { Report } from './date-rules.js';

/** The incident's status and phase, which texts with `when` are shown in. */
export interface IncidentState {
  status: string;
  phase: string;
}

/** `when: { status: [...], phase: [...] }`: a list left out allows any value. */
export interface When {
  status?: readonly string[];
  phase?: readonly string[];
}

/** Whether a text with this `when` is shown in this state. */
export function isShownIn(when: When | undefined, state: IncidentState): boolean {
  if (!when) return true;
  return (
    (!when.status || when.status.includes(state.status)) &&
    (!when.phase || when.phase.includes(state.phase))
  );
}

/** One change of status or phase, at a known moment. */
export interface StateChange {
  at: LocalDate;
  /** The date as written in the file, for messages. */
  written: string;
  value: string;
}

/** A dated fact of the file that sets status or phase: an update, or `incident.confirmed`. */
export interface StateEvent {
  at?: LocalDate;
  written: string;
  status?: string;
  phase?: string;
}

/**
 * When status and phase changed, oldest first: each event that sets a value other than the one
 * before it. An incident starts unknown and investigating (at `incident.detected`).
 */
export function findStateChanges(events: readonly StateEvent[]): StateChange[] {
  const dated = events
    .map((e, i) => ({ ...e, i }))
    .filter((e): e is StateEvent & { at: LocalDate; i: number } => e.at !== undefined)
    .sort((a, b) => compareDates(a.at, b.at) || a.i - b.i);
  const current: Record<'status' | 'phase', string> = {
    status: 'unknown',
    phase: 'investigating',
  };
  const changes: StateChange[] = [];
  for (const event of dated) {
    for (const key of ['status', 'phase'] as const) {
      const value = event[key];
      if (value === undefined || value === current[key]) continue;
      current[key] = value;
      changes.push({ at: event.at, written: event.written, value });
    }
  }
  return changes;
}

/** A text that belongs to a moment: where its `as_of` is, and when it is shown. */
export interface MomentText {
  path: readonly (string | number)[];
  when?: When;
  asOf?: LocalDate;
  /** `as_of` as written. */
  asOfWritten?: string;
}

/**
 * A shown text written before the latest change of status or phase may no longer be true: a
 * warning at its `as_of` (`--release` makes it an error). Texts without `as_of` are not judged.
 */
export function checkMomentTexts(
  texts: readonly MomentText[],
  changes: readonly StateChange[],
  state: IncidentState & { updatedWritten: string },
  report: Report,
): void {
  for (const text of texts) {
    const asOf = text.asOf;
    if (!asOf || !isShownIn(text.when, state)) continue;
    const later = changes.filter((c) => compareDates(c.at, asOf) > 0).at(-1);
    if (!later) continue;
    report(
      [...text.path, 'as_of'],
      `written as of ${text.asOfWritten}, before the incident became "${later.value}" on ${later.written} — still true?`,
      `check the text, then set as_of to ${state.updatedWritten}; or show it only in the state it is written for, with when: { status: […], phase: […] }`,
      { severity: 'warning' },
    );
  }
}

/** What the moment check reads of an incident file: dates parsed, and as written. */
interface MomentFacts<D> {
  updated: D;
  incident: { confirmed?: D };
  updates: readonly { at: D; status?: string; phase?: string }[];
  questions: readonly { when?: When; as_of?: D }[];
  email: { recipients: readonly { when?: When; as_of?: D }[] };
}

/**
 * Texts that belong to a moment (questions and recipients' answers with `as_of`): each is checked
 * against the changes of status and phase that the updates and `incident.confirmed` date.
 */
export function checkMoments(
  parsed: MomentFacts<LocalDate | undefined>,
  written: MomentFacts<string>,
  state: IncidentState,
  report: Report,
): void {
  const confirmed = parsed.incident.confirmed;
  const events: StateEvent[] = parsed.updates.map((u, i) => ({
    at: u.at,
    written: written.updates[i]!.at,
    ...(u.status ? { status: u.status } : {}),
    ...(u.phase ? { phase: u.phase } : {}),
  }));
  // `confirmed` dates the status the incident has now (validation checks they agree).
  if (confirmed && state.status !== 'unknown')
    events.push({ at: confirmed, written: written.incident.confirmed!, status: state.status });
  const texts = (
    [
      ['questions', parsed.questions, written.questions],
      [['email', 'recipients'], parsed.email.recipients, written.email.recipients],
    ] as const
  ).flatMap(([at, list, asWritten]) =>
    list.map((item, i) => ({
      path: [...(typeof at === 'string' ? [at] : at), i],
      ...(item.when ? { when: item.when } : {}),
      ...(item.as_of ? { asOf: item.as_of } : {}),
      ...(asWritten[i]?.as_of ? { asOfWritten: asWritten[i]!.as_of } : {}),
    })),
  );
  checkMomentTexts(
    texts,
    findStateChanges(events),
    { ...state, updatedWritten: written.updated },
    report,
  );
}
