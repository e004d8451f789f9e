// The pipeline's imports run one way: no module imports, directly or through others, a module
// that imports it back — neither between files nor between folders (render ↔ formats).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SRC, findCycles, folderGraph, importsOf, readImportGraph } from './import-graph.js';

const graph = readImportGraph();

test('every kind of import is read, relative ones only', () => {
  const source = [
    "import { a } from './a.js';",
    "import type { B } from '../b.js';",
    "export { c } from './c.js';",
    "import './d.js';",
    "const { e } = await import('./e.js');",
    "import {\n  f,\n  g,\n} from './f.js';",
    "import { z } from 'zod';",
  ].join('\n');
  assert.deepEqual(importsOf(source).sort(), [
    '../b.js',
    './a.js',
    './c.js',
    './d.js',
    './e.js',
    './f.js',
  ]);
});

test('the import graph is read: static, type-only and dynamic imports', () => {
  assert.ok(graph.get('cli.ts').includes('commands/render.ts'), 'dynamic import()');
  assert.ok(graph.get('formats/types.ts').includes('view/model.ts'), 'import type');
  assert.ok(graph.get('index.ts').includes('api.ts'), 'export … from');
});

test('the cycle finder finds cycles of files, of folders and of one file', () => {
  const cyclic = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['d.ts']],
    ['e.ts', ['a.ts']],
  ]);
  assert.deepEqual(findCycles(cyclic), [['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  const folders = new Map([
    ['render/a.ts', ['formats/b.ts']],
    ['formats/b.ts', ['shared.ts']],
    ['formats/c.ts', ['render/d.ts']],
    ['render/d.ts', []],
    ['shared.ts', []],
  ]);
  assert.deepEqual(findCycles(folders), []);
  assert.deepEqual(findCycles(folderGraph(folders)), [['formats', 'render']]);
});

test('no import cycle between the modules of src/', () => {
  assert.deepEqual(findCycles(graph), []);
});

test('no import cycle between the folders of src/ (each stage imports only earlier ones)', () => {
  assert.deepEqual(findCycles(folderGraph(graph)), []);
});

test('shared.ts, with the shared types and errors, imports nothing from src/', () => {
  assert.deepEqual(graph.get('shared.ts'), []);
});

test('every error class is declared in shared.ts', () => {
  const declaring = [...graph.keys()].filter((module) =>
    /\bclass\s+\w+\s+extends\s+\w*Error\b/.test(readFileSync(join(SRC, module), 'utf8')),
  );
  assert.deepEqual(declaring, ['shared.ts']);
});
