// Property tests for the loader and validator: whatever the bytes, checking a file never throws;
// it returns an incident, or diagnostics that each name the file, a position and a message.
/* global TextEncoder */ // a Node global the lint config does not list
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkIncident } from '../../lib/index.js';
import { EXAMPLE } from '../helpers.js';

const example = readFileSync(EXAMPLE, 'utf8');
const lines = example.split('\n');

const YAML_BITS = [
  ':',
  ': ',
  '- ',
  '? ',
  '&a ',
  '*a',
  '!!str ',
  '!x ',
  '|',
  '>',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '#',
  '---',
  '...',
  '%YAML 1.1',
  '\t',
  '  ',
  '\n',
  '\r\n',
  '\ufeff',
  '<<: *a',
  '__proto__',
  'constructor',
  '~',
  'null',
  'true',
  '0x1F',
  '1e9',
  '2026-02-30',
  '2026-11-24T09:30+01:00',
];

function assertWellFormed(result) {
  if (result.incident) return;
  assert.ok(result.diagnostics.length > 0, 'no incident and no diagnostic');
  for (const d of result.diagnostics) {
    assert.equal(d.file, 'fuzz.yaml');
    assert.ok(Number.isInteger(d.line) && d.line >= 1, JSON.stringify(d));
    assert.ok(Number.isInteger(d.col) && d.col >= 1, JSON.stringify(d));
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
    assert.ok(d.severity === 'error' || d.severity === 'warning');
  }
}

test('property: random bytes never make checking throw', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
      assertWellFormed(await checkIncident('fuzz.yaml', { source: bytes }));
    }),
    { numRuns: 300 },
  );
});

test('property: the example with random YAML syntax spliced in never makes checking throw', async () => {
  const edit = fc.record({
    line: fc.nat(lines.length - 1),
    col: fc.nat(30),
    insert: fc.array(fc.oneof(fc.constantFrom(...YAML_BITS), fc.string({ maxLength: 3 })), {
      maxLength: 5,
    }),
    remove: fc.nat(4),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
      const copy = [...lines];
      for (const { line, col, insert, remove } of edits) {
        const text = copy[line];
        const at = Math.min(col, text.length);
        copy[line] = text.slice(0, at) + insert.join('') + text.slice(at + remove);
      }
      const source = new TextEncoder().encode(copy.join('\n'));
      assertWellFormed(await checkIncident('fuzz.yaml', { source }));
    }),
    { numRuns: 400 },
  );
});
