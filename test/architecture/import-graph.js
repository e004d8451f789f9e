// The import graph of src/ (static, type-only and dynamic imports alike), for the architecture
// tests. A few regular expressions over the sources: loading TypeScript's parser costs seconds.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function listSources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listSources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const IMPORT_PATTERNS = [
  /\bfrom\s*['"](\.\.?\/[^'"]+)['"]/g, // import … from, import type … from, export … from
  /\bimport\s*\(\s*['"](\.\.?\/[^'"]+)['"]\s*\)/g, // import('…')
  /^\s*import\s*['"](\.\.?\/[^'"]+)['"]/gm, // import '…'
];

/** The relative module specifiers a source file imports. */
export function importsOf(text) {
  return IMPORT_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]));
}

/** Module (path relative to src/, e.g. `render/render.ts`) → the src modules it imports. */
export function readImportGraph(src = SRC) {
  const graph = new Map();
  for (const file of listSources(src)) {
    const targets = importsOf(readFileSync(file, 'utf8'))
      .map((name) => relative(src, resolve(dirname(file), name)).replace(/\\/g, '/'))
      .map((name) => name.replace(/\.js$/, '.ts'));
    graph.set(relative(src, file).replace(/\\/g, '/'), [...new Set(targets)]);
  }
  return graph;
}

/** The folder a module belongs to (`render`), or the module itself for files directly in src/. */
export function folderOf(module) {
  return module.includes('/') ? module.slice(0, module.indexOf('/')) : module;
}

/** The graph between folders: an edge for every import that crosses from one folder to another. */
export function folderGraph(graph) {
  const folders = new Map();
  for (const [from, targets] of graph) {
    const edges = folders.get(folderOf(from)) ?? new Set();
    for (const to of targets) if (folderOf(to) !== folderOf(from)) edges.add(folderOf(to));
    folders.set(folderOf(from), edges);
  }
  return new Map([...folders].map(([k, v]) => [k, [...v]]));
}

/** Every cycle as its strongly connected component (Tarjan), sorted; [] for a DAG. */
export function findCycles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfLoop = (graph.get(node) ?? []).includes(node);
    if (component.length > 1 || selfLoop) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}
