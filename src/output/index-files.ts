import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { lstat, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexEntry, ListedIncident } from './index-entry.js';
import { MANIFEST } from './ownership.js';

/** What a run asks of the index across the incidents of its output folder. */
export interface IndexRequest {
  /** The facts of this run's incidents (rendered, or taken from the render cache). */
  entries: ReadonlyMap<string, IndexEntry>;
  /** Several files were rendered: start an index even if the folder has none yet. */
  start: boolean;
  /** Manifests known without reading them: folders the render cache found unchanged. */
  manifests?: ReadonlyMap<string, IncidentManifest>;
  /**
   * The index files (name → text) for the incidents listed, in any order — or, when the render
   * cache knows that the files in the folder are exactly what these incidents compose, their names.
   */
  compose(listed: ListedIncident[]): Map<string, string> | { unchanged: readonly string[] };
}

export const INDEX_JSON = 'index.json';

interface PreviousIndex {
  files: string[];
  entries: Map<string, { entry?: IndexEntry; manifest?: string }>;
}

const sha256 = (data: Uint8Array | string): string =>
  createHash('sha256').update(data).digest('hex');

/** faq's `index.json` in `out`: the files it wrote and the facts of each incident it listed. */
async function readPreviousIndex(out: string): Promise<PreviousIndex | undefined> {
  try {
    const file = join(out, INDEX_JSON);
    if (!(await lstat(file)).isFile()) return undefined;
    const data = JSON.parse(await readFile(file, 'utf8')) as {
      version?: unknown;
      generator?: unknown;
      files?: unknown;
      incidents?: unknown;
    } | null;
    if (data?.version !== 1 || data.generator !== 'faq' || !Array.isArray(data.files))
      return undefined;
    const entries = new Map<string, { entry?: IndexEntry; manifest?: string }>();
    for (const item of Array.isArray(data.incidents) ? data.incidents : []) {
      const { manifest, ...rest } = item as IndexEntry & { manifest?: string };
      if (typeof rest.id !== 'string') continue;
      const known = typeof rest.status === 'string' && typeof rest.updated === 'string';
      entries.set(rest.id, {
        ...(known ? { entry: rest } : {}),
        ...(manifest ? { manifest } : {}),
      });
    }
    return { files: data.files.filter((f): f is string => typeof f === 'string'), entries };
  } catch {
    return undefined;
  }
}

/** What the index needs of a folder's manifest: its hash and, per language, the page to link. */
export interface IncidentManifest {
  sha: string;
  pages: Record<string, string>;
}

/** A folder's manifest: its hash and, per language, the page to link (the FAQ page first). */
export function readManifest(out: string, id: string): IncidentManifest | undefined {
  try {
    // Read synchronously: one small file after another (a batch's index reads a thousand), where
    // each asynchronous call would cost two trips through the thread pool.
    const file = join(out, id, MANIFEST);
    if (!lstatSync(file).isFile()) return undefined;
    const bytes = readFileSync(file);
    const data = JSON.parse(bytes.toString('utf8')) as {
      version?: unknown;
      id?: unknown;
      artifacts?: {
        path?: unknown;
        lang?: unknown;
        format?: unknown;
        variant?: unknown;
        recipient?: unknown;
      }[];
    } | null;
    if (data?.version !== 1 || data.id !== id || !Array.isArray(data.artifacts)) return undefined;
    const pages: Record<string, string> = {};
    const html = data.artifacts.filter((a) => a.format === 'html' && !a.recipient);
    for (const a of [...html.filter((a) => a.variant === 'faq'), ...html])
      if (typeof a.lang === 'string' && typeof a.path === 'string')
        pages[a.lang] ??= `${id}/${a.path}`;
    return { sha: sha256(bytes), pages };
  } catch {
    return undefined;
  }
}

/**
 * Every incident folder of `out` (a folder with faq's manifest), with its facts: from this run,
 * else from the previous index.json if that described this very folder (same manifest hash).
 * `written`: the folders this run is about to swap in, with their new manifest's hash.
 */
async function listIncidents(
  out: string,
  request: IndexRequest,
  written: ReadonlyMap<string, string>,
  previous: PreviousIndex | undefined,
): Promise<ListedIncident[]> {
  const names = new Set((await readdir(out)).filter((n) => !n.startsWith('.')));
  for (const id of written.keys()) names.add(id);
  const listed: ListedIncident[] = [];
  for (const id of [...names].sort()) {
    // A folder this run writes, with its facts, needs nothing from the folder it replaces.
    const fresh = written.has(id) && request.entries.has(id);
    const found = fresh ? undefined : (request.manifests?.get(id) ?? readManifest(out, id));
    const manifest = written.get(id) ?? found?.sha;
    if (!manifest) continue;
    const old = previous?.entries.get(id);
    const entry = request.entries.get(id) ?? (old?.manifest === manifest ? old.entry : undefined);
    const pages = found?.pages ?? {};
    if (!found && entry)
      for (const [lang, page] of Object.entries(entry.pages)) pages[lang] = page.href;
    listed.push({ id, ...(entry ? { entry } : {}), pages, manifest });
  }
  return listed;
}

/**
 * The index files to write into `out` — only those whose bytes change — or none when the run
 * starts no index and the folder has none. An index file that faq did not write (a site's own
 * `index.html`) is never replaced: the index is then left out, with a note saying why.
 */
export async function planIndex(
  out: string,
  request: IndexRequest,
  written: ReadonlyMap<string, string>,
): Promise<{ files: Map<string, string>; notes: string[] }> {
  const previous = await readPreviousIndex(out);
  const none = { files: new Map<string, string>(), notes: [] as string[] };
  if (!request.start && !previous) return none;
  const listed = await listIncidents(out, request, written, previous);
  const composed = request.compose(listed);
  const names = composed instanceof Map ? [...composed.keys()] : composed.unchanged;
  const files = new Map<string, string>();
  for (const name of names) {
    const current = await lstat(join(out, name)).then(
      (info) => info,
      () => undefined,
    );
    if (current && (!current.isFile() || !previous?.files.includes(name)))
      return {
        files: new Map(),
        notes: [
          `faq: ${join(out, name)} was not written by faq, so the index of the incidents was not written (move it away to get one)`,
        ],
      };
    const text = composed instanceof Map ? composed.get(name)! : undefined;
    if (text === undefined) continue; // unchanged since faq wrote it
    if (!current || sha256(await readFile(join(out, name))) !== sha256(text)) files.set(name, text);
  }
  const unknown = listed.filter((l) => !l.entry).map((l) => l.id);
  const notes = unknown.length
    ? [
        `faq: the index lists ${unknown.join(', ')} without status and phase: render ${unknown.length === 1 ? 'its incident file' : 'their incident files'} into ${out} once`,
      ]
    : [];
  return { files, notes };
}
