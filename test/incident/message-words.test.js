// No message may show what JavaScript prints for a missing value (issue 13, §3.2): every
// diagnostic the test corpus produces — the fixtures, the hostile cases, and the example with each
// of its keys removed, emptied or given a wrong type — is read for "undefined", "NaN" and
// "[object Object]".
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isMap, isSeq, parseDocument } from 'yaml';
import { checkIncident } from '../../lib/api.js';
import { EXAMPLE, FIXTURES } from '../helpers.js';

const WORDS = /\bundefined\b|\bNaN\b|\[object Object\]/;

/** Every .yaml file below a folder. */
function yamlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/i.test(name) ? [path] : [];
  });
}

/** Every key path of a YAML document (maps and lists), parents before children. */
function keyPaths(node, path = []) {
  if (isMap(node))
    return node.items.flatMap((pair) => {
      const here = [...path, pair.key.value];
      return [here, ...keyPaths(pair.value, here)];
    });
  if (isSeq(node))
    return node.items.flatMap((item, i) => [[...path, i], ...keyPaths(item, [...path, i])]);
  return [];
}

/** The example with each key removed, misspelled, or set to a value of the wrong kind. */
function mutations() {
  const source = parseDocument(readFileSync(EXAMPLE, 'utf8'));
  // A language of a text or a second list entry says nothing new: left out, for speed.
  const paths = keyPaths(source.contents).filter(
    (path) => !path.some((p, i) => p === 1 || (i > 0 && (p === 'de' || p === 'en'))),
  );
  const values = [null, [], {}, 42, Number.NaN, 'x'];
  const out = [];
  const change = (name, edit) => {
    const doc = source.clone();
    edit(doc);
    out.push([name, String(doc)]);
  };
  for (const path of paths) {
    const where = path.join('.');
    change(`${where} removed`, (doc) => doc.deleteIn(path));
    if (typeof path.at(-1) === 'string')
      change(`${where} misspelled`, (doc) => {
        const pair = doc.getIn(path.slice(0, -1)).items.find((p) => p.key.value === path.at(-1));
        pair.key = doc.createNode(`${path.at(-1)}x`);
      });
    for (const value of values)
      change(`${where} = ${String(value)}`, (doc) => doc.setIn(path, value));
  }
  return out;
}

function assertWords(where, diagnostics) {
  for (const d of diagnostics) {
    const text = `${d.path}: ${d.message} (hint: ${d.hint ?? ''})`;
    assert.doesNotMatch(text, WORDS, `${where}: ${text}`);
    assert.ok(Number.isInteger(d.line) && Number.isInteger(d.col), `${where}: ${text}`);
  }
}

test('no diagnostic of the fixtures or the hostile corpus says undefined, NaN or [object Object]', async () => {
  const files = yamlFiles(FIXTURES);
  assert.ok(files.length > 80, `${files.length} files`);
  for (const file of files)
    for (const languages of [undefined, ['de', 'en']]) {
      const r = await checkIncident(file, languages ? { languages } : {});
      assertWords(file, r.diagnostics);
    }
});

test('no diagnostic of the example with a key removed, misspelled or mistyped says undefined', async () => {
  const cases = mutations();
  assert.ok(cases.length > 200, `${cases.length} cases`);
  let reported = 0;
  for (const [name, text] of cases) {
    const r = await checkIncident('m.yaml', { source: Buffer.from(text) });
    reported += r.diagnostics.length;
    assertWords(name, r.diagnostics);
  }
  assert.ok(reported > 200, `${reported} diagnostics`);
});

test('a missing or misspelled incident.status says it is missing and lists the values', async () => {
  const text = readFileSync(EXAMPLE, 'utf8');
  for (const changed of [
    text.replace(/^ {2}status: .*\n/m, ''),
    text.replace(/^ {2}status:/m, '  staus:'),
  ]) {
    const r = await checkIncident('s.yaml', { source: Buffer.from(changed) });
    const d = r.diagnostics.find((x) => /status/.test(x.message) && !/unknown key/.test(x.message));
    assert.ok(d, r.diagnostics.map((x) => x.message).join('\n'));
    assert.equal(d.message, 'incident.status is required');
    assert.match(d.hint, /add `status:` with one of unknown, attack, malfunction/);
  }
});
