// Syntax mistakes in words and at the line where they were made (issue 13, §3.3 and §3.4): the
// YAML parser reports them as jargon, often on a later line, a blank line or after the end of the
// file, and as a cascade of follow-on errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkIncident } from '../../lib/api.js';
import { parseIncidentSource } from '../../lib/incident/load.js';
import { EXAMPLE } from '../helpers.js';

const example = readFileSync(EXAMPLE, 'utf8');

/** The example with one line (found by its start) replaced; the diagnostics and that line's number. */
async function withLine(start, replacement) {
  const lines = example.split('\n');
  const index = lines.findIndex((l) => l.startsWith(start));
  assert.ok(index >= 0, start);
  lines[index] = replacement;
  const { diagnostics } = await checkIncident('y.yaml', { source: Buffer.from(lines.join('\n')) });
  return { diagnostics, line: index + 1 };
}

const where = (d) => `${d.line}:${d.col}`;
const show = (list) => list.map((d) => `${where(d)} ${d.message} (${d.hint})`).join('\n');

test('an unclosed quote is reported at the quote, not after the end of the file', async () => {
  const short =
    'updated: 2026-11-26\norganization:\n  name: x\n  city: "Musterstadt\n  website: https://x.de\nincident:\n  status: unknown\n';
  const [d, ...rest] = parseIncidentSource('q.yaml', Buffer.from(short)).diagnostics;
  assert.deepEqual(rest, []);
  assert.equal(where(d), '4:9');
  assert.equal(d.message, 'the quote " opened here is not closed');
  assert.equal(d.hint, 'end the text with " on the same line: city: "Musterstadt"');
  const { diagnostics, line } = await withLine('  city: Aachen', "  city: 'Aachen");
  assert.deepEqual(diagnostics.map(where), [`${line}:9`], show(diagnostics));
});

test('a key without its colon is one error at its own line, with the line written right', async () => {
  for (const written of ['  status unknown # unknown (noch unklar)', '  status unknown']) {
    const { diagnostics, line } = await withLine('  status: unknown', written);
    assert.deepEqual(diagnostics.map(where), [`${line}:3`], show(diagnostics));
    assert.match(diagnostics[0].message, /^"status unknown" has no colon/);
    assert.equal(diagnostics[0].hint, 'write status: unknown');
  }
  const { diagnostics, line } = await withLine('  phase: investigating', '  phase investigating');
  assert.deepEqual(diagnostics.map(where), [`${line}:3`], show(diagnostics));
});

test('a paragraph of a text indented too little is reported at the paragraph, not the blank line', async () => {
  const paragraph = 'Sie betreibt zertifizierte Rechenzentren';
  for (const indent of [0, 1, 2, 3, 5]) {
    const { diagnostics, line } = await withLine(
      `      ${paragraph}`,
      `${' '.repeat(indent)}${paragraph} …`,
    );
    assert.deepEqual(
      diagnostics.map(where),
      [`${line}:${indent + 1}`],
      `indent ${indent}\n${show(diagnostics)}`,
    );
    assert.match(diagnostics[0].message, /indented less than the text above it/);
  }
});

test('a colon inside a text says to put the text in quotes, with the line fixed', async () => {
  const { diagnostics, line } = await withLine(
    '      de: Sind meine Daten betroffen?',
    '      de: Achtung: Sind meine Daten betroffen?',
  );
  assert.deepEqual(diagnostics.map(where), [`${line}:11`], show(diagnostics));
  assert.equal(
    diagnostics[0].hint,
    'put the text in quotes: de: "Achtung: Sind meine Daten betroffen?"',
  );
  const top = parseIncidentSource(
    'c.yaml',
    Buffer.from(
      'updated: 2026-11-26\nquestions:\n  - question: Achtung: Sind meine Daten "sicher"?\n    answer: Ja.\n',
    ),
  ).diagnostics;
  assert.deepEqual(top.map(where), ['3:15'], show(top));
  assert.equal(
    top[0].hint,
    'put the text in quotes: - question: "Achtung: Sind meine Daten \\"sicher\\"?"',
  );
});

test('a tab gives one error, not one for every line it shifts', async () => {
  const { diagnostics, line } = await withLine('  city: Aachen', '\tcity: Aachen');
  assert.deepEqual(diagnostics.map(where), [`${line}:1`], show(diagnostics));
  assert.match(diagnostics[0].hint, /indent with spaces, not tabs/);
});

test('a forgotten "-" and a list written as text show how a list is written', async () => {
  const dash =
    'updated: 2026-11-26\nincident:\n  affected:\n    - E-Government-Portale\n    Lernplattformen\n';
  const [d, ...rest] = parseIncidentSource('l.yaml', Buffer.from(dash)).diagnostics;
  assert.deepEqual(rest, []);
  assert.equal(where(d), '5:5');
  assert.equal(d.hint, 'start each entry of a list with "- ": - Lernplattformen');
  const text = example.replace(
    /^ {2}affected:.*\n(?: {4}.*\n)+/m,
    '  affected: E-Government-Portale, Lernplattformen\n',
  );
  assert.notEqual(text, example);
  const { diagnostics } = await checkIncident('a.yaml', { source: Buffer.from(text) });
  const list = diagnostics.find((x) => x.path === 'incident.affected');
  assert.ok(list, show(diagnostics));
  assert.equal(
    list.hint,
    'a list has one entry per line, each after "- ": write "affected:" and below it "  - E-Government-Portale", "  - Lernplattformen"',
  );
});
