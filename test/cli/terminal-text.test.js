// Issue 10, finding 13: what faq prints quotes user text (values, keys, file names, rendered
// texts in `faq diff`); no control or invisible character of it reaches the terminal raw, so
// nothing can recolour, retitle, erase or reorder what the approver reads.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { escapeForTerminal, stringifyForTerminal } from '../../lib/cli/terminal-text.js';
import { EXAMPLE, ROOT, runInProcess, tempDir } from '../helpers.js';

/** Anything a terminal would act on or hide; TAB and LF are allowed. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}/u;

test('escapeForTerminal writes every unshowable character visibly, and keeps TAB and LF', () => {
  assert.equal(
    escapeForTerminal('a\u001b]0;x\u0007\u001b[31mb\r\u009b\u202eP\u200bQ\u{e0041}\u2028\tc\nd'),
    'a\\x1b]0;x\\x07\\x1b[31mb\\x0d\\x9b\\u202eP\\u200bQ\\u{e0041}\\u2028\tc\nd',
  );
  assert.equal(escapeForTerminal('Grüße, 😀 عمان'), 'Grüße, 😀 عمان');
});

test('stringifyForTerminal: no raw character that a terminal acts on, and the same data back', () => {
  const value = { m: 'a\u001b[2J\u007f\u0085\u202e\u2028\u{e0041}ä', n: ['\u200d'] };
  const json = stringifyForTerminal(value);
  assert.doesNotMatch(json, RAW);
  assert.deepEqual(JSON.parse(json), value);
});

/** A file whose messages quote hostile text: a value, an unknown key and a time zone. */
const HOSTILE = `updated: 2026-11-26T15:00
organization:
  name: regio iT
  timezone: "Europe/Berlin\\e[2J"
incident:
  status: "attack\\e]0;approved\\a"
  detected: 2026-11-24
  findings_expected: 2026-11-28
  "measures\\e[8m\\u202e": [shutdown]
`;

test('check: messages that quote a value, a key or a suggestion show its controls escaped', async (t) => {
  const file = join(tempDir(t), 'hostile.yaml');
  writeFileSync(file, HOSTILE);
  const r = await runInProcess(['check', file]);
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stderr, RAW);
  assert.match(r.stderr, /text "attack\\x1b\]0;approved\\x07" is not one of/);
  assert.match(r.stderr, /unknown key "measures\\x1b\[8m\\u202e"/);
  const json = await runInProcess(['check', '--json', file]);
  assert.equal(json.code, 1);
  assert.doesNotMatch(json.stdout, RAW);
  const messages = JSON.parse(json.stdout).diagnostics.map((d) => d.message);
  assert.ok(messages.includes('unknown key "measures\u001b[8m\u202e"'), messages.join('\n'));
});

test('diff: rendered text and file names show their controls escaped', async (t) => {
  const dir = tempDir(t);
  // Templates are the other source of text: an overlay with escape sequences in the FAQ.
  const overlay = join(dir, 'templates');
  mkdirSync(join(overlay, 'de'), { recursive: true });
  const faq = readFileSync(join(ROOT, 'templates/de/faq.md.hbs'), 'utf8');
  assert.ok(faq.includes('Stand: {{updated.text}}'));
  writeFileSync(
    join(overlay, 'de/faq.md.hbs'),
    faq.replace(
      'Stand: {{updated.text}}',
      'Stand: \u001b]0;ok\u0007\u001b[2K\u202e{{updated.text}}',
    ),
  );
  const example = readFileSync(EXAMPLE, 'utf8');
  const oldFile = join(dir, 'old\u001b[31m.yaml');
  const newFile = join(dir, 'new.yaml');
  writeFileSync(oldFile, example);
  writeFileSync(newFile, example.replace('updated: 2026-11-26T15:00', 'updated: 2026-11-26T16:00'));
  const r = await runInProcess(['diff', oldFile, newFile, '--templates', overlay]);
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stdout, RAW);
  assert.doesNotMatch(r.stderr, RAW);
  assert.match(
    r.stdout,
    /^-Stand: \\x1b\]0;ok\\x07\\x1b\[2K\\u202e26\. November 2026, 15:00 Uhr$/m,
  );
  assert.match(r.stdout, /^--- .*old\\x1b\[31m\.yaml \(faq\.de\.txt\)$/m);
});
