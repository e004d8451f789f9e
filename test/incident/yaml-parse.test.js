// src/incident/yaml-parse.ts parses incident files with a copy of yaml's Parser.next (without the
// per-token read of process.env.LOG_TOKENS): the documents must be exactly yaml's own, for every
// YAML file of the project and for broken YAML of every kind.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { YAML_VERSION, parseYamlDocument } from '../../lib/incident/yaml-parse.js';
import { EXAMPLE, ROOT } from '../helpers.js';

const OPTIONS = {
  prettyErrors: false,
  uniqueKeys: false,
  version: '1.2',
  schema: 'core',
  keepSourceTokens: true,
};

/** Both parses of `text`, with the line starts each recorded. */
function bothWays(text) {
  const ours = new LineCounter();
  const theirs = new LineCounter();
  return {
    ours: parseYamlDocument(text, { ...OPTIONS, lineCounter: ours }),
    theirs: parseDocument(text, { ...OPTIONS, lineCounter: theirs }),
    lines: [ours.lineStarts, theirs.lineStarts],
  };
}

/** The document's value, or why it has none (an alias bomb). */
function toJS(doc) {
  try {
    return doc.toJS();
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

/** What a document holds (not its options, which hold the line counter's bound function). */
function held(doc) {
  const problem = (e) => ({ name: e.name, code: e.code, pos: e.pos, message: e.message });
  return {
    contents: doc.contents,
    range: doc.range,
    comment: doc.comment,
    commentBefore: doc.commentBefore,
    directives: doc.directives,
    errors: doc.errors.map(problem),
    warnings: doc.warnings.map(problem),
    js: doc.errors.length ? undefined : toJS(doc),
  };
}

/**
 * Where two values first differ (same prototypes, own keys and primitive values), or undefined.
 * Iterative: the hostile corpus nests deeper than assert.deepStrictEqual's recursion can go.
 */
function firstDifference(a, b) {
  const pending = [[a, b, '']];
  const seen = new Set();
  while (pending.length) {
    const [x, y, path] = pending.pop();
    if (Object.is(x, y)) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null)
      return `${path}: ${String(x)} ≠ ${String(y)}`;
    if (seen.has(x)) continue;
    seen.add(x);
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${path}: prototype`;
    const keys = Object.keys(x);
    if (keys.join() !== Object.keys(y).join()) return `${path}: keys ${keys} ≠ ${Object.keys(y)}`;
    for (const key of keys) pending.push([x[key], y[key], `${path}.${key}`]);
  }
  return undefined;
}

/** Whether the parse ran out of call stack (the hostile corpus nests deeper than it can go). */
const overflowed = (doc) => doc.errors.some((e) => /call stack/i.test(e.message));

function assertSame(text, label) {
  const { ours, theirs, lines } = bothWays(text);
  // Where the stack runs out depends on how deep it already is when the parse starts (for yaml's
  // own parseDocument too, from one call to the next): both must run out, anywhere.
  if (overflowed(ours) || overflowed(theirs)) {
    assert.ok(overflowed(ours) && overflowed(theirs), `${label}: only one parse ran out of stack`);
    return;
  }
  // keepSourceTokens: every node carries its CST token, so the tokens are compared too.
  assert.equal(firstDifference(held(ours), held(theirs)), undefined, label);
  assert.deepStrictEqual(lines[0], lines[1], `${label}: line starts`);
}

test('the copied parser is of the yaml version installed', () => {
  const require = createRequire(import.meta.url);
  assert.equal(
    require('yaml/package.json').version,
    YAML_VERSION,
    'yaml was updated: compare its Parser.next with src/incident/yaml-parse.ts and update both',
  );
});

test('every YAML file of the project parses to the same document as with yaml itself', () => {
  const files = ['test', 'incidents']
    .flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true }).map((f) => join(ROOT, dir, f)),
    )
    .filter((f) => /\.ya?ml$/.test(f));
  assert.ok(files.length > 50, `${files.length} files`);
  for (const file of files) assertSame(readFileSync(file, 'utf8'), file);
});

test('broken YAML of every kind parses to the same document and errors as with yaml itself', () => {
  const example = readFileSync(EXAMPLE, 'utf8');
  const lines = example.split('\n');
  const bits = [
    ...[':', ': ', '- ', '? ', '&a ', '*a', '!!str ', '!x ', '|', '>', '|-2', '"', "'"],
    ...['{', '}', '[', ']', ',', '#', '---', '...', '%YAML 1.1', '%TAG ! x', '\t', '  ', '\n'],
    ...['\r\n', '\ufeff', '\\', 'ä', '\u0000', '@', '`', '\n  - ', '\n    x: '],
  ];
  // Also a second document, and a directive after content.
  assertSame(`${example}---\nid: x\n`, 'two documents');
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: lines.length - 1 }),
      fc.nat(),
      fc.array(fc.oneof(fc.constantFrom(...bits), fc.string({ maxLength: 3 })), {
        minLength: 1,
        maxLength: 6,
      }),
      (line, col, parts) => {
        const at = Math.min(col, lines[line].length);
        const changed = [...lines];
        changed[line] = lines[line].slice(0, at) + parts.join('') + lines[line].slice(at);
        assertSame(changed.join('\n'), JSON.stringify(parts));
      },
    ),
    { numRuns: 100 },
  );
});
