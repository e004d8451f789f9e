import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { readRegularFileSync } from '../incident/regular-file.js';
import { BUILD_INFO } from './build-info.js';
import type { IndexEntry, ListedIncident } from '../output/index-entry.js';
import { readManifest, type IncidentManifest } from '../output/index-files.js';
import type { Artifact, Diagnostic, Selection } from '../shared.js';
import type { TemplateStore } from './templates.js';

/**
 * The render cache: one JSON file per output folder in `.faq-cache/` of the working folder (or
 * `FAQ_CACHE_DIR`), never in the output folder itself — that is published as it is, and its
 * manifests and listings stay exactly the artifacts. The folder holds a `.gitignore` of `*`.
 *
 * An incident is skipped when its key — the file name as given, its bytes, every file of the
 * built-in templates and of the `--templates` overlay, the selection (variants, formats, langs,
 * wrap), the faq version and a hash of its code, the Node version and TZ/LANG — equals the key
 * its folder was last written with, AND the folder still holds exactly the files written then
 * (same names, sizes, modification times and inodes). Anything else renders it again. Deleting
 * the cache is always safe: the next run renders everything. `FAQ_CACHE=0` turns it off.
 */
export const CACHE_DIR = '.faq-cache';
const CACHE_VERSION = 2;

type ArtifactMeta = Omit<Artifact, 'content'>;

interface Entry {
  key: string;
  /** What checking the file reported (warnings only: a file with errors is never cached). */
  diagnostics: Diagnostic[];
  /** What rendering it reported. */
  warnings: Diagnostic[];
  artifacts: ArtifactMeta[];
  /** The incident's facts for the index across incidents. */
  entry?: IndexEntry;
  /** What the index reads of its manifest.json (part of `files`: valid while they are). */
  manifest?: IncidentManifest;
  /** Every file of `<out>/<id>/` as written: [size, mtimeMs, ino]. */
  files: Record<string, [number, number, number]>;
}

/** The index across incidents as last written: what it was composed from, and its files. */
interface IndexRecord {
  /** Hash of the cache's base and the incidents listed (ids, facts, manifests' hashes). */
  key: string;
  files: Entry['files'];
}

interface CacheFile {
  version: number;
  entries: Record<string, Entry>;
  index?: IndexRecord;
}

/** A cached incident: what a render of it would return, with contents read only if asked. */
export interface CacheHit {
  id: string;
  diagnostics: Diagnostic[];
  warnings: Diagnostic[];
  artifacts: Artifact[];
  entry?: IndexEntry;
}

function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Every file below the template folders, by relative path, hashed together. */
function templatesHash(store: TemplateStore): string {
  const hash = createHash('sha256');
  const walk = (root: string, rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(join(root, rel)).sort();
    } catch (error) {
      hash.update(`${rel}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}\0`);
      return;
    }
    for (const name of names) {
      const path = join(root, rel, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(root, `${rel}${name}/`);
      else hash.update(`${rel}${name}\0`).update(readRegularFileSync(path)).update('\0');
    }
  };
  for (const [label, dir] of [
    ['builtin', store.builtinDir],
    ['overlay', store.overlayDir],
  ] as const) {
    hash.update(`${label}\0`);
    if (dir) walk(dir, '');
  }
  return hash.digest('hex');
}

/** The cache file of an output folder: named after the folder's absolute path. */
function cacheFile(out: string): string {
  const dir = resolve(process.env.FAQ_CACHE_DIR || CACHE_DIR);
  return join(dir, `render-${sha256(resolve(out)).slice(0, 16)}.json`);
}

/**
 * Every file of an incident folder, its subfolders' too (the customers' kits, the archive), by
 * its path in the folder; undefined when the folder is gone or holds anything else.
 */
function folderState(dir: string): Entry['files'] | undefined {
  try {
    const files: Entry['files'] = {};
    return addFiles(dir, '', files) ? files : undefined;
  } catch {
    return undefined;
  }
}

function addFiles(dir: string, prefix: string, files: Entry['files']): boolean {
  const folder = join(dir, prefix); // normalised once: each file's path is then appended
  for (const name of readdirSync(folder).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const info = statSync(`${folder}${sep}${name}`);
    if (info.isDirectory()) {
      if (!addFiles(dir, rel, files)) return false;
    } else if (info.isFile()) files[rel] = [info.size, info.mtimeMs, info.ino];
    else return false;
  }
  return true;
}

/** The named files of a folder, or undefined when one of them is not a file. */
function filesState(dir: string, names: readonly string[]): Entry['files'] | undefined {
  const files: Entry['files'] = {};
  try {
    for (const name of names) {
      const info = statSync(join(dir, name));
      if (!info.isFile()) return undefined;
      files[name] = [info.size, info.mtimeMs, info.ino];
    }
  } catch {
    return undefined;
  }
  return files;
}

function sameState(a: Entry['files'], b: Entry['files'] | undefined): boolean {
  if (!b) return false;
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((name) => {
    const x = a[name]!;
    const y = b[name];
    return y !== undefined && x[0] === y[0] && x[1] === y[1] && x[2] === y[2];
  });
}

function lazyArtifact(out: string, meta: ArtifactMeta): Artifact {
  const artifact = { ...meta } as Artifact;
  Object.defineProperty(artifact, 'content', {
    enumerable: true,
    configurable: true,
    get(): Uint8Array {
      const data = readFileSync(join(out, meta.path));
      const content = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      Object.defineProperty(artifact, 'content', { value: content, enumerable: true });
      return content;
    },
  });
  return artifact;
}

export class RenderCache {
  private readonly entries: Record<string, Entry>;
  private readonly byKey = new Map<string, string>();
  private readonly base: string;
  /** Folders whose state this run's look-ups found unchanged: saving need not read them again. */
  private readonly verified = new Set<string>();
  private readonly index: IndexRecord | undefined;
  /** The index this run composed, to record when the run has written it. */
  private composedIndex: { key: string; names: readonly string[] } | undefined;

  private constructor(
    readonly out: string,
    readonly file: string,
    data: { entries: Record<string, Entry>; index?: IndexRecord | undefined },
    base: string,
  ) {
    const { entries } = data;
    this.entries = entries;
    this.index = data.index;
    this.base = base;
    for (const [id, entry] of Object.entries(entries)) this.byKey.set(entry.key, id);
  }

  /**
   * The cache of an output folder; undefined when caching is off, this build has no id, or the
   * cache cannot be used at all (a template that cannot be hashed: the render reports it).
   */
  static open(out: string, store: TemplateStore, selection: Selection): RenderCache | undefined {
    if (!BUILD_INFO.code || process.env.FAQ_CACHE === '0') return undefined;
    try {
      return RenderCache.load(out, store, selection);
    } catch {
      return undefined;
    }
  }

  private static load(out: string, store: TemplateStore, selection: Selection): RenderCache {
    const file = cacheFile(out);
    let entries: Record<string, Entry> = {};
    let index: IndexRecord | undefined;
    try {
      const data = JSON.parse(readRegularFileSync(file).toString('utf8')) as CacheFile;
      if (data.version === CACHE_VERSION && data.entries && typeof data.entries === 'object') {
        entries = data.entries;
        if (typeof data.index?.key === 'string' && data.index.files) index = data.index;
      }
    } catch {
      // No cache yet, or an unreadable one: render everything.
    }
    const base = sha256(
      JSON.stringify({
        cache: CACHE_VERSION,
        faq: BUILD_INFO,
        node: process.version,
        env: [process.env.TZ, process.env.LANG, process.env.LC_ALL],
        selection: {
          variants: selection.variants,
          formats: selection.formats,
          langs: selection.langs ?? null,
          explicitFormats: selection.explicitFormats,
          explicitVariants: selection.explicitVariants === true,
          wrap: selection.wrap ?? null,
          release: selection.release === true,
          archive: selection.archive === true,
          customer: selection.customer ?? null,
        },
      }),
      templatesHash(store),
    );
    return new RenderCache(out, file, { entries, index }, base);
  }

  keyOf(file: string, bytes: Uint8Array): string {
    return sha256(this.base, file, bytes);
  }

  /** The cached result for this key, if its folder still holds exactly what was written. */
  lookup(key: string): CacheHit | undefined {
    const id = this.byKey.get(key);
    const entry = id === undefined ? undefined : this.entries[id];
    if (!id || !entry || !sameState(entry.files, folderState(join(this.out, id)))) return undefined;
    this.verified.add(id);
    return {
      id,
      diagnostics: entry.diagnostics,
      warnings: entry.warnings,
      artifacts: entry.artifacts.map((meta) => lazyArtifact(this.out, meta)),
      ...(entry.entry ? { entry: entry.entry } : {}),
    };
  }

  /** The manifests of the folders this run found unchanged, as recorded with them. */
  verifiedManifests(): Map<string, IncidentManifest> {
    const known = new Map<string, IncidentManifest>();
    for (const id of this.verified) {
      const manifest = this.entries[id]?.manifest;
      if (manifest) known.set(id, manifest);
    }
    return known;
  }

  /**
   * The index files across incidents for `listed`: composed by `compose`, unless the folder's
   * index files are exactly what it would give — the same incidents, facts and manifests as when
   * they were recorded (the key includes the templates, the build and the selection) and none of
   * the files changed since. Then only their names.
   */
  indexFiles(
    listed: readonly ListedIncident[],
    compose: () => Map<string, string>,
  ): Map<string, string> | { unchanged: readonly string[] } {
    const key = sha256(this.base, JSON.stringify(listed));
    if (this.index?.key === key) {
      const names = Object.keys(this.index.files);
      if (sameState(this.index.files, filesState(this.out, names))) return { unchanged: names };
    }
    const files = compose();
    this.composedIndex = { key, names: [...files.keys()] };
    return files;
  }

  /**
   * Records what was just written (after a successful write only). Entries of incidents whose
   * folder is gone are dropped. Never throws: a cache that cannot be saved (`.faq-cache` is a
   * file, a folder we may not write, a full disk) is skipped silently, the next run renders in full.
   */
  save(
    written: {
      key: string;
      id: string;
      diagnostics: Diagnostic[];
      warnings: Diagnostic[];
      artifacts: Artifact[];
      entry?: IndexEntry;
    }[],
  ): void {
    try {
      this.store(written);
    } catch {
      // The cache is only a shortcut: the output is written, and that is the run's result.
    }
  }

  private store(written: Parameters<RenderCache['save']>[0]): void {
    const entries: Record<string, Entry> = {};
    // A folder found unchanged by this run's look-up is still there (the run wrote nothing into
    // it); any other is read again.
    for (const [id, entry] of Object.entries(this.entries))
      if (this.verified.has(id) || folderState(join(this.out, id))) entries[id] = entry;
    const composed = this.composedIndex;
    // The index this run composed, as the folder now holds it (none if one of its files is
    // missing: the next run composes it again); else the one recorded before.
    const indexState = composed && filesState(this.out, composed.names);
    const index = composed ? indexState && { key: composed.key, files: indexState } : this.index;
    const unchanged =
      written.length === 0 &&
      !composed &&
      Object.keys(entries).length === Object.keys(this.entries).length;
    if (unchanged) {
      // The cache file says exactly this already; its time says it is in use (pruneCacheDir).
      const now = new Date();
      if (Object.keys(entries).length > 0) utimesSync(this.file, now, now);
      return;
    }
    for (const item of written) {
      const files = folderState(join(this.out, item.id));
      if (!files) {
        delete entries[item.id];
        continue;
      }
      const manifest = readManifest(this.out, item.id);
      entries[item.id] = {
        key: item.key,
        diagnostics: item.diagnostics,
        warnings: item.warnings,
        artifacts: item.artifacts.map(({ content: _content, ...meta }) => meta),
        ...(item.entry ? { entry: item.entry } : {}),
        ...(manifest ? { manifest } : {}),
        files,
      };
    }
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      const dir = resolve(this.file, '..');
      if (mkdirSync(dir, { recursive: true })) writeFileSync(join(dir, '.gitignore'), '*\n');
      const data: CacheFile = { version: CACHE_VERSION, entries, ...(index ? { index } : {}) };
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, this.file);
      pruneCacheDir(dir, this.file);
    } catch {
      rmSync(temp, { force: true });
    }
  }
}

/** Keeps the cache folder small: caches of other output folders unused for a week, or beyond
 * the 50 most recent, are removed (at worst, that folder renders in full once). */
function pruneCacheDir(dir: string, keep: string): void {
  const files = readdirSync(dir)
    .filter((name) => /^render-[0-9a-f]+\.json(\.\d+\.tmp)?$/.test(name))
    .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .filter((f) => f.path !== keep)
    .sort((a, b) => b.mtime - a.mtime);
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const [n, f] of files.entries())
    if (n >= 49 || f.mtime < weekAgo) rmSync(f.path, { force: true });
}
