// Dates that are possible but wrong (issue 13, §3.5 and §3.6): a local time the clock change
// skips or repeats, a detection date a year before the update, an update dated in the future.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkIncident } from '../../lib/api.js';
import { parseIncidentDate, toIsoString } from '../../lib/incident/dates.js';
import { EXAMPLE, runInProcess } from '../helpers.js';

const example = readFileSync(EXAMPLE, 'utf8');
const NOW = Date.parse('2026-11-26T16:00:00+01:00');

/** The example with some lines replaced, checked as of NOW. */
async function check(replacements, now = NOW) {
  let text = example;
  for (const [from, to] of replacements) {
    assert.match(text, from);
    text = text.replace(from, to);
  }
  return (await checkIncident('d.yaml', { source: Buffer.from(text), now })).diagnostics;
}
const lineOf = (start) => example.split('\n').findIndex((l) => l.startsWith(start)) + 1;

test('a local time the spring clock change skips is an error with the time after the change', async () => {
  const r = parseIncidentDate('2026-03-29T02:30', 'Europe/Berlin');
  assert.equal(r.ok, false);
  assert.equal(
    r.message,
    '2026-03-29T02:30 does not exist in Europe/Berlin: the clocks go forward over this time',
  );
  assert.match(r.hint, /2026-03-29T03:30/);
  for (const text of ['2026-03-29T01:59', '2026-03-29T03:00', '2026-03-29T02:30+01:00'])
    assert.equal(parseIncidentDate(text, 'Europe/Berlin').ok, true, text);
  const [d] = await check([[/^updated: .*$/m, 'updated: 2026-03-29T02:30']]);
  assert.deepEqual(
    [d.severity, d.path, d.line, d.col],
    ['error', 'updated', lineOf('updated:'), 10],
  );
  assert.match(d.hint, /write the time after the change, 2026-03-29T03:30/);
});

test('a local time the autumn clock change repeats is a warning naming both offsets', async () => {
  const r = parseIncidentDate('2026-10-25T02:30', 'Europe/Berlin');
  assert.equal(r.ok, true);
  assert.equal(toIsoString(r.value), '2026-10-25T02:30+02:00', 'the first of the two');
  assert.match(r.warning.message, /happens twice in Europe\/Berlin.*\+02:00.*\+01:00/);
  assert.match(r.warning.hint, /2026-10-25T02:30\+02:00 or 2026-10-25T02:30\+01:00/);
  for (const text of [
    '2026-10-25T01:59',
    '2026-10-25T03:00',
    '2026-10-25T02:30+01:00',
    '2026-10-25',
  ])
    assert.equal(parseIncidentDate(text, 'Europe/Berlin').warning, undefined, text);
  const diagnostics = await check([
    [/^ {2}detected: .*$/m, '  detected: 2026-10-24'],
    [/^ {2}crisis_team: .*$/m, '  crisis_team: 2026-10-25T02:30'],
  ]);
  assert.deepEqual(
    diagnostics.map((d) => [d.severity, d.path, d.line]),
    [['warning', 'incident.crisis_team', lineOf('  crisis_team:')]],
  );
});

test('incident.detected more than 60 days before "updated" is a warning: a typo in the year?', async () => {
  const [d, ...rest] = await check([[/^ {2}detected: .*$/m, '  detected: 2025-11-24']]);
  assert.deepEqual(rest, []);
  assert.deepEqual(
    [d.severity, d.path, d.line],
    ['warning', 'incident.detected', lineOf('  detected:')],
  );
  assert.match(d.message, /367 days before "updated": a typo in the year\?/);
  // 60 days are a long incident, not a typo.
  assert.deepEqual(
    await check([
      [/^ {2}detected: .*$/m, '  detected: 2026-09-27'],
      [/^ {2}crisis_team: .*$/m, '  crisis_team: 2026-09-27'],
    ]),
    [],
  );
});

test('"updated" more than a day ahead of the clock is a warning; the clock is an input', async () => {
  const ahead = await check([], Date.parse('2026-11-25T12:00:00Z'));
  assert.deepEqual(
    ahead.map((d) => [d.severity, d.path, d.line]),
    [['warning', 'updated', lineOf('updated:')]],
  );
  assert.match(ahead[0].message, /"updated" is 1 day ahead of this computer's clock/);
  // Less than a day ahead (a statement prepared for this evening) is fine.
  assert.deepEqual(await check([], Date.parse('2026-11-25T14:30:00Z')), []);
});

test('the commands read the clock (FAQ_NOW pins it); the library only when given one', async () => {
  const early = await runInProcess(['check', EXAMPLE], { env: { FAQ_NOW: '2026-11-20T12:00Z' } });
  assert.equal(early.code, 0, early.stderr);
  assert.match(
    early.stderr,
    /:\d+:10: warning: updated: "updated" is 6 days ahead of this computer's clock/,
  );
  const later = await runInProcess(['check', EXAMPLE], { env: { FAQ_NOW: '2026-11-27T12:00Z' } });
  assert.doesNotMatch(later.stderr, /ahead of/);
  assert.deepEqual((await checkIncident(EXAMPLE)).diagnostics, []);
});
