// The hostile corpus, part 1: test/fixtures/hostile/rejected/<case>/ holds one bad incident file
// per case. Each one, through the built CLI, in `faq check` and `faq render`: exit 1, one line per
// problem as `file:line:col: error: …` with the expected message and position, no stack trace,
// nothing on stdout and no output folder.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, runInProcess, tempDir } from '../helpers.js';

const CORPUS = 'test/fixtures/hostile/rejected';

/** case → [message pattern, "line:col" of that message (undefined: any position)]. */
const EXPECTED = {
  'alias-bomb-as-keys': [/a key must be plain text, not a list, mapping or alias/, '8:3'],
  'alias-bomb-billion-laughs': [/YAML aliases expand too far/, '3:8'],
  'alias-bomb-inside-a-field': [/YAML aliases expand too far/, '5:13'],
  'alias-refers-to-itself': [/alias \*q refers to a value that contains it/, '8:16'],
  'alias-without-anchor': [/alias \*orgname refers to no anchor &orgname/, '3:9'],
  // At the line indented too far, not at the value above it (issue 13).
  'bad-indentation': [/this line is indented further than the keys above it/, '4:4'],
  'binary-nul-bytes': [/contains a control character \(binary data\?\)/, '3:14'],
  'binary-png': [/is not UTF-8 text/, '1:1'],
  // At the escape `\u0007` itself (issue 10: the position of the character, not of the value).
  'control-character-in-name': [
    /organization\.name: contains a control character \(\\x07\)/,
    '3:15',
  ],
  'dates-out-of-order': [/incident\.crisis_team: the crisis team cannot be formed before/, '7:16'],
  'duplicate-key-nested': [/duplicate key "city"/, '5:3'],
  'duplicate-key-number-and-text': [/duplicate key "1"/, '9:15'],
  'duplicate-key-top-level': [/duplicate key "updated"/, '8:1'],
  'empty-file': [/file is empty/, '1:1'],
  'file-name-dot-dot': [/id: there is no id, and the file name "\.\.yaml" cannot serve/, '1:1'],
  'file-name-space': [/the file name "my incident\.yaml" cannot serve/, '1:1'],
  'file-name-too-long': [/the file name "a{40}…" cannot serve/, '1:1'],
  'file-name-umlaut': [/the file name "Äbc\.yaml" cannot serve/, '1:1'],
  'id-absolute-path': [/id: may contain only a-z, 0-9 and "-"/, '1:5'],
  'id-current-folder': [/id: may contain only a-z, 0-9 and "-"/, '1:5'],
  'id-empty': [/id: may contain only a-z, 0-9 and "-"/, '1:5'],
  'id-leading-dash': [/id: may contain only a-z, 0-9 and "-"/, '1:5'],
  'id-parent-folder': [/id: may contain only a-z, 0-9 and "-"/, '1:5'],
  'id-path-traversal': [/id: may contain only a-z, 0-9 and "-"/, '1:5'],
  'id-too-long': [/id: must be at most 64 characters/, '1:5'],
  'id-unicode': [/id: may contain only a-z, 0-9 and "-"/, '1:5'],
  'id-upper-case': [/id: may contain only a-z, 0-9 and "-"/, '1:5'],
  'id-with-backslash': [/id: may contain only a-z, 0-9 and "-"/, '1:5'],
  'id-with-slash': [/id: may contain only a-z, 0-9 and "-"/, '1:5'],
  'image-data-url': [
    /organization\.about: link target "data:image\/svg\+xml;[^"]*" is not allowed/,
    '7:13',
  ],
  'impossible-dates': [/incident\.detected: 2026-02-30 does not exist in the calendar/, '6:13'],
  'latin-1-encoding': [/is not UTF-8 text .*Latin-1/, '3:21'],
  'line-break-in-subject': [/email\.subject: must be a single line/, '9:12'],
  'link-autolink-javascript': [/link target "javascript:alert\(1\)" is not allowed/, '7:17'],
  'link-data-url': [/link target "data:text\/html;base64,[^"]*" is not allowed/, '7:32'],
  'link-file-scheme': [/link target "file:\/\/\/etc\/passwd" is not allowed/, '7:38'],
  'link-in-answer-signature-and-recipient': [
    /email\.recipients\.0\.answer\.de: link target "data:text\/html,<script>/,
    '22:37',
  ],
  'link-javascript': [/link target "javascript:alert\(document\.cookie\)" is not allowed/, '7:32'],
  'link-javascript-control-characters': [/link target "java\\tscript:alert\(1\)"/, '7:25'],
  'link-javascript-entity-encoded': [/link target "javas&#99;ript:alert\(1\)"/, '7:24'],
  'link-javascript-mixed-case': [/link target "JaVaScRiPt:alert\(1\)"/, '7:32'],
  'link-javascript-percent-encoded': [/link target "%6Aavascript:alert\(1\)"/, '7:32'],
  'link-reference-style': [/link target "javascript:alert\(1\)"/, '9:10'],
  'link-vbscript': [/link target "vbscript:msgbox\(\\"x\\"\)"/, '7:32'],
  'list-instead-of-mapping': [/the file must be a mapping of keys/, '1:1'],
  'nesting-deeper-than-allowed': [/nested more than 32 levels deep/, undefined],
  'nesting-deeper-than-the-parser': [/YAML is nested too deeply to read/, undefined],
  'nothing-but-nulls': [/updated: no value after the colon/, '2:9'],
  'only-comments': [/the file must be a mapping of keys/, '1:1'],
  'prototype-keys': [/^[^\n]*:10:1: error: __proto__: unknown key "__proto__"/m, '10:1'],
  'right-to-left-override-in-subject': [
    /email\.subject: contains the invisible right-to-left override \(U\+202E\)/,
    '9:15',
  ],
  'scalar-instead-of-mapping': [/the file must be a mapping of keys/, '1:1'],
  'several-documents': [/more than one YAML document/, '8:1'],
  'terminal-escape-in-website': [
    /organization\.website: contains a control character \(\\x1b\)/,
    '4:41',
  ],
  'tab-indentation': [/Tabs are not allowed as indentation \(hint: indent with spaces/, '3:1'],
  'too-many-aliases': [/more than 100 aliases/, '109:7'],
  // At the quote itself, not after the end of the file (issue 13).
  'unclosed-quote': [/the quote " opened here is not closed \(hint: end the text with "/, '3:9'],
  'unknown-tag-custom': [/unknown YAML tag !include/, '3:9'],
  'unknown-tag-js-function': [/unknown YAML tag !!js\/function/, '3:9'],
  'unknown-tag-python': [/unknown YAML tag !!python\/object\/apply:os\.system/, '8:10'],
  'utf-16-encoding': [/is UTF-16 text, not UTF-8/, '1:1'],
  'website-with-user-info': [/organization\.website: must not name a user before "@"/, '4:39'],
  'wrong-types-everywhere': [/organization\.name: expected text, found a list/, '5:9'],
  'zero-width-space-in-sender': [
    /email\.from\.name: contains the invisible zero-width space/,
    '9:23',
  ],
};

/** The one file in a case folder (its name is part of some cases), relative to the root. */
function caseFile(name) {
  const files = readdirSync(join(ROOT, CORPUS, name));
  assert.equal(files.length, 1, `${name} holds exactly one file`);
  return `${CORPUS}/${name}/${files[0]}`;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every stderr line is a diagnostic of `file`; no stack trace; returns the lines. */
function assertDiagnostics(r, file) {
  assert.equal(r.stdout, '', 'nothing on stdout');
  assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
  const lines = r.stderr.split('\n').filter(Boolean);
  assert.ok(lines.length > 0, 'at least one diagnostic');
  const diagnostic = new RegExp(`^${escape(file)}:\\d+:\\d+: (error|warning): `);
  for (const line of lines) assert.match(line, diagnostic);
  assert.match(r.stderr, new RegExp(`^${escape(file)}:\\d+:\\d+: error: `, 'm'));
  return lines;
}

test('every case of the corpus has an expectation, and every expectation a case', () => {
  assert.deepEqual(readdirSync(join(ROOT, CORPUS)).sort(), Object.keys(EXPECTED).sort());
});

for (const [name, [message, at]] of Object.entries(EXPECTED)) {
  test(`rejected: ${name}`, async (t) => {
    const file = caseFile(name);
    const out = join(tempDir(t), 'out');
    for (const args of [
      ['check', file],
      ['render', file, '-o', out],
    ]) {
      const r = await runInProcess(args, { timeout: 20_000 });
      assert.equal(r.signal, null, `${args[0]} finished (no hang)`);
      assert.equal(r.code, 1, `${args[0]} exits 1\n${r.stderr}`);
      const lines = assertDiagnostics(r, file);
      const hit = lines.find((l) => message.test(l));
      assert.ok(hit, `${args[0]}: a line matches ${message}\n${r.stderr}`);
      if (at) assert.ok(hit.startsWith(`${file}:${at}: `), `at ${at}: ${hit}`);
      assert.equal(existsSync(out), false, 'no output folder');
    }
  });
}

test('check reports every problem of every bad file at once', async (t) => {
  const files = Object.keys(EXPECTED).map(caseFile);
  const out = join(tempDir(t), 'out');
  for (const args of [
    ['check', ...files],
    ['render', ...files, '-o', out],
  ]) {
    const r = await runInProcess(args, { timeout: 60_000 });
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stderr, /^\s+at /m);
    for (const file of files)
      assert.match(r.stderr, new RegExp(`^${escape(file)}:\\d+:\\d+: error: `, 'm'), file);
    assert.equal(existsSync(out), false);
  }
});

test('a good file next to bad ones is not written either', async (t) => {
  const out = join(tempDir(t), 'out');
  const r = await runInProcess([
    'render',
    'incidents/example.yaml',
    caseFile('duplicate-key-nested'),
    '-o',
    out,
  ]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /duplicate key "city"/);
  assert.equal(existsSync(out), false);
});

test('--json reports the same problems as data, with line and column', async () => {
  const file = caseFile('impossible-dates');
  const r = await runInProcess(['check', '--json', file]);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.ok, false);
  const messages = report.diagnostics.map((d) => `${d.line}:${d.col} ${d.path}: ${d.message}`);
  assert.ok(messages.includes('6:13 incident.detected: 2026-02-30 does not exist in the calendar'));
  assert.ok(
    messages.some((m) => m.startsWith('1:10 updated: ')),
    messages.join('\n'),
  );
  assert.ok(messages.some((m) => m.startsWith('7:16 incident.crisis_team: ')));
  assert.ok(messages.some((m) => m.startsWith('8:22 incident.findings_expected: ')));
});
