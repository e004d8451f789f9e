import { readdirSync, unwatchFile, watch, watchFile, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface Watcher {
  close(): void;
}

/** Every folder below `root` (itself included). */
function foldersBelow(root: string): string[] {
  const out = [root];
  try {
    for (const entry of readdirSync(root, { withFileTypes: true }))
      if (entry.isDirectory()) out.push(...foldersBelow(join(root, entry.name)));
  } catch {
    // A folder that vanished while we looked: nothing below it to watch.
  }
  return out;
}

/**
 * Calls `onChange` (debounced) when the incident file or anything in the template overlay
 * changes. The file's folder is watched rather than the file, because editors often save by
 * writing a new file and renaming it over the old one; a slow stat poll backs up fs.watch on file
 * systems that do not report events.
 */
export function watchInputs(
  inputs: { file: string; templates?: string },
  onChange: () => void,
  debounceMs = 40,
): Watcher {
  const file = resolve(inputs.file);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string, filter?: (name: string | null) => boolean): void => {
    if (watchers.has(dir)) return;
    try {
      const w = watch(dir, (_event, name) => {
        if (!filter || filter(name === null ? null : String(name))) schedule();
        if (inputs.templates && !filter) syncOverlay();
      });
      w.on('error', () => {
        w.close();
        watchers.delete(dir);
      });
      watchers.set(dir, w);
    } catch {
      // The folder cannot be watched (gone, or no permission); the poll below still runs.
    }
  };
  const syncOverlay = (): void => {
    if (inputs.templates) for (const dir of foldersBelow(resolve(inputs.templates))) add(dir);
  };
  // Overlay folders first: if the file lives in one, that watcher already reports every change.
  syncOverlay();
  add(dirname(file), (name) => name === null || name === basename(file));
  const poll = (): void => schedule();
  watchFile(file, { interval: 500, persistent: false }, poll);
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      unwatchFile(file, poll);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
