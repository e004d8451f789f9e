import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutputError, type Artifact } from '../shared.js';
import { MANIFEST } from './ownership.js';

/** One archived version of an incident: its files under `<id>/<path>/`, as the manifest lists them. */
export interface ArchivedVersion {
  /** The version's `updated` (ISO 8601 with offset). */
  updated: string;
  /** `archive/<updated as YYYY-MM-DDTHHMM>`, relative to the incident's folder. */
  path: string;
  artifacts: { path: string; bytes: number; sha256: string }[];
}

/** What the writer keeps and adds in an incident's archive. */
export interface ArchivePlan {
  /** Every version the new manifest lists, oldest first. */
  versions: ArchivedVersion[];
  /** The files new to the archive (paths `<id>/archive/<stamp>/…`). */
  add: Artifact[];
  /** The archive as the render saw it (JSON of the previous versions), checked again under the lock. */
  basis: string;
}

/** The archive an incident's folder holds now: the versions its manifest lists. */
export interface PreviousArchive {
  versions: ArchivedVersion[];
  basis: string;
}

const isVersion = (v: unknown): v is ArchivedVersion => {
  const x = v as ArchivedVersion | null;
  return (
    typeof x?.updated === 'string' &&
    typeof x.path === 'string' &&
    /^archive\/\d{4}-\d\d-\d\dT\d{4}$/.test(x.path) &&
    Array.isArray(x.artifacts) &&
    x.artifacts.every((a) => typeof a?.path === 'string' && typeof a.sha256 === 'string')
  );
};

/**
 * The archive listed by the manifest in `<out>/<id>/` (none when there is no faq manifest, or it
 * lists no archive). Read before the render, so that the FAQ page can link earlier versions.
 */
export function readArchive(out: string, id: string): PreviousArchive {
  let versions: ArchivedVersion[] = [];
  const file = join(out, id, MANIFEST);
  // A new incident's folder (every file of a first batch): no error to build and throw.
  if (!existsSync(file)) return { versions, basis: JSON.stringify(versions) };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      version?: unknown;
      id?: unknown;
      archive?: unknown;
    } | null;
    if (data?.version === 1 && data.id === id && Array.isArray(data.archive))
      versions = data.archive.filter(isVersion);
  } catch {
    // No folder or no manifest yet: no archive.
  }
  return { versions, basis: JSON.stringify(versions) };
}

/**
 * Writes an incident's archive into its staging folder: each archived file copied from the
 * current folder (checked against its hash: an archived file is never rewritten, and one that
 * changed or went missing stops the run) and the files new to it. Before, under the lock, it
 * checks that the archive is still the one the render saw.
 */
export function stageArchive(
  out: string,
  id: string,
  plan: ArchivePlan,
  write: (rel: string, content: Uint8Array) => void,
): void {
  if (readArchive(out, id).basis !== plan.basis)
    throw new OutputError(
      `the archive of ${out}/${id} changed while this run rendered; nothing was changed`,
      'another run wrote it meanwhile: render again',
    );
  const adding = new Set(plan.add.map((a) => a.path.slice(id.length + 1)));
  for (const version of plan.versions)
    for (const artifact of version.artifacts) {
      const rel = `${version.path}/${artifact.path}`;
      if (adding.has(rel)) continue;
      write(rel, readArchived(join(out, id, rel), artifact.sha256));
    }
  for (const artifact of plan.add) write(artifact.path.slice(id.length + 1), artifact.content);
}

function readArchived(file: string, sha256: string): Uint8Array {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    data = Buffer.alloc(0);
    sha256 = `missing:${sha256}`;
  }
  if (createHash('sha256').update(data).digest('hex') !== sha256)
    throw new OutputError(
      `${file} was changed or removed after it was archived; nothing was changed`,
      'an archived file is never rewritten: restore it (from git or a backup), then render again',
    );
  return data;
}
