import { isDraft } from '../incident/approval.js';
import { toIsoString } from '../incident/dates.js';
import type { Incident } from '../incident/incident.js';
import { formatDateTime } from '../lang/dates.js';
import type { ArchivedVersion, ArchivePlan, PreviousArchive } from '../output/archive.js';
import type { Artifact, Diagnostic, LocalDate } from '../shared.js';

/** A link of the FAQ page's "Frühere Stände" / "Earlier versions". */
export interface EarlierVersion {
  href: string;
  iso: string;
  text: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `updated` as an archive folder's name: its local wall-clock time, YYYY-MM-DDTHHMM. */
export function archiveStamp(d: LocalDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}${pad(d.minute)}`;
}

/** The LocalDate of an ISO string that `toIsoString` wrote (undefined for anything else). */
export function parseIso(iso: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(Z|([+-])(\d\d):(\d\d)))?$/.exec(iso);
  if (!m) return undefined;
  const sign = m[7] === '-' ? -1 : 1;
  const offset = m[6] && m[6] !== 'Z' ? sign * (Number(m[8]) * 60 + Number(m[9])) : 0;
  return {
    hasTime: m[4] !== undefined,
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    offset,
  };
}

/**
 * The archived versions older than `stamp` that hold the page `file` (`faq.de.html`), newest
 * first, as links relative to the incident's folder.
 */
export function earlierVersions(
  versions: readonly ArchivedVersion[],
  stamp: string,
  file: string,
  lang: string,
): EarlierVersion[] {
  return versions
    .filter((v) => v.path < `archive/${stamp}` && v.artifacts.some((a) => a.path === file))
    .map((v) => {
      const date = parseIso(v.updated);
      return {
        href: `${v.path}/${file}`,
        iso: v.updated,
        text: date ? formatDateTime(date, lang) : v.updated,
      };
    })
    .reverse();
}

function sameVersionProblems(
  incident: Incident,
  existing: ArchivedVersion,
  files: readonly { rel: string; artifact: Artifact }[],
): Diagnostic[] {
  const at = { file: incident.file, ...(incident.updatedAt ?? { line: 1, col: 1 }) };
  const iso = toIsoString(incident.updated);
  if (existing.updated !== iso)
    return [
      {
        ...at,
        severity: 'error',
        path: 'updated',
        message: `updated ${iso} has the local time of the archived version ${existing.updated}`,
        hint: 'the clocks went back: write updated a minute later',
      },
    ];
  const known = new Map(existing.artifacts.map((a) => [a.path, a.sha256]));
  const changed = files.filter(({ rel, artifact }) => {
    const sha = known.get(rel);
    return sha !== undefined && sha !== artifact.sha256;
  });
  if (changed.length === 0) return [];
  const names = changed.map((f) => f.rel);
  const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
  return [
    {
      ...at,
      severity: 'error',
      path: 'updated',
      message: `you changed the text without changing \`updated\`: ${names.slice(0, 3).join(', ')}${more} differ from the version archived in ${existing.path}/`,
      hint: `set \`updated\` to the time of this change; the version of ${iso} stays as it was published`,
    },
  ];
}

/**
 * What the render adds to the incident's archive: with archiving on and the version approved,
 * every artifact (each FAQ page as it reads without the links to earlier versions, `copies`)
 * under `archive/<stamp>/`. An archived file is never rewritten: the same `updated` with a
 * different text is an error at `updated`. Undefined plan: the incident has no archive at all.
 */
export function planArchive(
  incident: Incident,
  on: boolean,
  previous: PreviousArchive,
  artifacts: readonly Artifact[],
  copies: ReadonlyMap<string, Artifact>,
): { plan?: ArchivePlan; diagnostics: Diagnostic[] } {
  const { versions: before, basis } = previous;
  if (!on || isDraft(incident))
    return before.length
      ? { plan: { versions: before, add: [], basis }, diagnostics: [] }
      : { diagnostics: [] };
  const path = `archive/${archiveStamp(incident.updated)}`;
  const prefix = `${incident.id}/`;
  const files = artifacts.map((a) => {
    const rel = a.path.slice(prefix.length);
    const source = copies.get(a.path) ?? a;
    return { rel, artifact: { ...source, path: `${prefix}${path}/${rel}` } as Artifact };
  });
  const existing = before.find((v) => v.path === path);
  const diagnostics = existing ? sameVersionProblems(incident, existing, files) : [];
  if (diagnostics.length) return { diagnostics };
  const known = new Set(existing?.artifacts.map((a) => a.path));
  const added = files.filter((f) => !known.has(f.rel));
  const listed = [
    ...(existing?.artifacts ?? []),
    ...added.map(({ rel, artifact }) => ({
      path: rel,
      bytes: artifact.bytes,
      sha256: artifact.sha256,
    })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const version = { updated: toIsoString(incident.updated), path, artifacts: listed };
  const versions = [...before.filter((v) => v.path !== path), version].sort((a, b) =>
    a.path < b.path ? -1 : 1,
  );
  return { plan: { versions, add: added.map((f) => f.artifact), basis }, diagnostics: [] };
}
