// An incident over weeks (issue 12): the status and phase settled from the update log, the
// bounds of every date in lists, `affected` beside `services`, equal update dates.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkIncident } from '../../lib/api.js';
import { buildViewModel } from '../../lib/view/model.js';
import { EXAMPLE, runInProcess, tempDir } from '../helpers.js';

/** A file whose `incident:` block and lists are given; the rest is fixed. */
function file({ incident = '', lists = '', updated = '2026-11-28T12:00' } = {}) {
  return `id: story
updated: ${updated}
organization: { name: Stadtwerke, grammar: { gender: plural } }
incident:
  detected: 2026-11-24T08:00
  findings_expected: 2026-11-30
${incident}${lists}`;
}

const UPDATES = `updates:
  - at: 2026-11-25T18:00
    text: Die Untersuchung hat begonnen.
    status: unknown
  - at: 2026-11-27T09:00
    text: Es ist ein Angriff.
    status: attack
    phase: recovering
  - at: 2026-11-26T10:00
    text: Mehr Dienste sind ausgefallen.
`;

const check = (text) => checkIncident('story.yaml', { source: Buffer.from(text) });
const errors = (r) => r.diagnostics.filter((d) => d.severity === 'error');
const lineOf = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

test('without incident.status and phase, the newest update that sets one decides (file order does not)', async () => {
  const { incident, diagnostics } = await check(file({ lists: UPDATES }));
  assert.deepEqual(diagnostics, []);
  assert.equal(incident.incident.status, 'attack');
  assert.equal(incident.incident.phase, 'recovering');
  // The view model (and through it every template) sees the settled values.
  const view = buildViewModel(incident, 'de');
  assert.equal(view.status, 'attack');
  assert.equal(view.phase, 'recovering');
  assert.equal(view.is.attack, true);
  assert.equal(view.is.recovering, true);
  assert.equal(view.is.investigating, undefined);
  assert.match(view.latestUpdate.text, /Angriff/);
});

test('a written status or phase that agrees with the newest update is fine', async () => {
  const text = file({ incident: '  status: attack\n  phase: recovering\n', lists: UPDATES });
  const r = await check(text);
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.incident.incident.status, 'attack');
});

test('a status contradicting the newest update is an error at incident.status, naming the update', async () => {
  const text = file({ incident: '  status: unknown\n', lists: UPDATES });
  const r = await check(text);
  assert.equal(r.incident, undefined);
  const [d] = errors(r);
  assert.equal(errors(r).length, 1, JSON.stringify(r.diagnostics));
  assert.equal(d.path, 'incident.status');
  assert.deepEqual([d.line, d.col], [lineOf(text, '  status: unknown'), 11]);
  const updateLine = lineOf(text, 'status: attack');
  assert.equal(
    d.message,
    'incident.status is unknown, but the newest update that sets a status says attack',
  );
  assert.equal(
    d.hint,
    `that update is the one at 2026-11-27T09:00 (line ${updateLine}); write \`status: attack\`, or leave incident.status out: the newest update decides`,
  );
});

test('a written phase contradicting the newest update is an error at incident.phase', async () => {
  const text = file({ incident: '  status: attack\n  phase: investigating\n', lists: UPDATES });
  const [d, ...more] = errors(await check(text));
  assert.deepEqual(more, []);
  assert.equal(d.path, 'incident.phase');
  assert.equal(d.line, lineOf(text, 'phase: investigating'));
  assert.match(d.message, /says recovering/);
});

test('phase left out and no update sets one: investigating, and findings are required', async () => {
  const text = file({ incident: '  status: attack\n' }).replace(
    '  findings_expected: 2026-11-30\n',
    '',
  );
  const [d] = errors(await check(text));
  assert.match(d.message, /findings_expected is required while phase is investigating/);
  // The phase from an update lifts the requirement: the update wins over the default.
  const recovering = `${text}updates:\n  - { at: 2026-11-27, text: Neu., phase: recovering }\n`;
  const r = await check(recovering);
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.incident.incident.phase, 'recovering');
});

test('no status anywhere: the status is required, with the values (also when the schema fails elsewhere)', async () => {
  const noStatus = `${file()}updates:\n  - { at: 2026-11-27, text: Neu., phase: recovering }\n`;
  for (const text of [noStatus, `${noStatus}unknown_key: 1\n`]) {
    const d = errors(await check(text)).find((x) => x.message === 'incident.status is required');
    assert.ok(d, text);
    assert.equal(d.path, 'incident');
    assert.match(d.hint, /`status:` with one of unknown, attack, malfunction/);
  }
});

test('an update after "updated" (Stand) is an error at its date; before detected too', async () => {
  const future = file({ lists: UPDATES, updated: '2026-11-27T08:00' });
  const [d, ...more] = errors(await check(future));
  assert.deepEqual(more, []);
  assert.equal(d.path, 'updates.1.at');
  assert.equal(d.line, lineOf(future, '2026-11-27T09:00'));
  assert.match(d.message, /^this update is after "updated" \(Stand\)/);
  const early = file({ lists: UPDATES.replace('2026-11-25T18:00', '2026-11-23') });
  const [e] = errors(await check(early));
  assert.equal(e.path, 'updates.0.at');
  assert.match(e.message, /before incident\.detected/);
});

test('confirmed, services[].since and email_unreachable_since may not be after "updated"', async () => {
  const text = file({
    incident: '  status: attack\n  confirmed: 2026-11-29\n',
    lists: `services:
  - { name: Kfz, state: limited, since: 2026-11-29 }
contacts: { email_unreachable_since: 2026-11-29T10:00 }
`,
  });
  const found = errors(await check(text)).map((d) => [d.path, d.line]);
  assert.deepEqual(found, [
    ['incident.confirmed', lineOf(text, 'confirmed:')],
    ['services.0.since', lineOf(text, 'since:')],
    ['contacts.email_unreachable_since', lineOf(text, 'email_unreachable')],
  ]);
  // Services and the mailbox may have failed before the activity was detected; a confirmation not.
  const before = text.replaceAll('2026-11-29', '2026-11-23');
  assert.deepEqual(
    errors(await check(before)).map((d) => d.path),
    ['incident.confirmed'],
  );
});

test('a confirmation while the status is unknown is a warning', async () => {
  const r = await check(file({ incident: '  status: unknown\n  confirmed: 2026-11-25\n' }));
  assert.deepEqual(
    r.diagnostics.map((d) => [d.severity, d.path]),
    [['warning', 'incident.confirmed']],
  );
});

test('incident.affected beside services is an error at affected, with the services form as hint', async () => {
  const text = file({
    incident: '  status: attack\n  affected: [Portal]\n',
    lists: 'services:\n  - { name: Kfz, state: down }\n',
  });
  const [d, ...more] = errors(await check(text));
  assert.deepEqual(more, []);
  assert.equal(d.path, 'incident.affected');
  assert.deepEqual([d.line, d.col], [lineOf(text, 'affected:'), 3]);
  assert.match(d.hint, /`services: - \{ name: Portal, state: down \}`/);
  // An empty list beside services says nothing twice.
  const empty = text.replace('affected: [Portal]', 'affected: []');
  assert.deepEqual((await check(empty)).diagnostics, []);
});

test('an unknown service state is an error at the state, listing the three states', async () => {
  const text = file({
    incident: '  status: attack\n',
    lists: 'services:\n  - name: Kfz\n    state: broken\n',
  });
  const [d] = errors(await check(text));
  assert.equal(d.path, 'services.0.state');
  assert.deepEqual([d.line, d.col], [lineOf(text, 'state: broken'), 12]);
  assert.match(d.message, /"broken" is not one of down, limited, restored/);
  const typo = errors(await check(text.replace('broken', 'limted')))[0];
  assert.equal(typo.hint, 'did you mean `limited`?');
});

test('two updates with the same date: a warning at the second, the first listed counts as newer', async () => {
  const text = file({
    lists: `updates:
  - { at: 2026-11-27T09:00, text: Erst., status: attack }
  - { at: 2026-11-27T09:00, text: Zweit., status: malfunction }
`,
  });
  const r = await check(text);
  assert.deepEqual(
    r.diagnostics.map((d) => [d.severity, d.path, d.line]),
    [['warning', 'updates.1.at', lineOf(text, 'Zweit')]],
  );
  assert.equal(r.incident.incident.status, 'attack');
  assert.match(buildViewModel(r.incident, 'de').latestUpdate.text, /Erst/);
});

test('faq render: each of the four mistakes exits 1 with one positioned line and a hint; nothing written', async (t) => {
  const dir = tempDir(t);
  const cases = {
    contradiction: file({ incident: '  status: unknown\n', lists: UPDATES }),
    future: file({ lists: UPDATES, updated: '2026-11-27T08:00' }),
    state: file({
      incident: '  status: attack\n',
      lists: 'services:\n  - { name: Kfz, state: broken }\n',
    }),
    both: file({
      incident: '  status: attack\n  affected: [Portal]\n',
      lists: 'services:\n  - { name: Kfz, state: down }\n',
    }),
  };
  for (const [name, text] of Object.entries(cases)) {
    const path = join(dir, `${name}.yaml`);
    writeFileSync(path, text);
    const out = join(dir, `out-${name}`);
    const r = await runInProcess(['render', path, '-o', out]);
    assert.equal(r.code, 1, name);
    assert.equal(r.stdout, '', name);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, `${name}: ${r.stderr}`);
    assert.match(lines[0], new RegExp(`^${path}:\\d+:\\d+: error: .+ \\(hint: .+\\)$`), name);
    assert.equal(existsSync(out), false, name);
  }
});

test("the example's commented new keys, uncommented, are a valid file in German and English", async () => {
  const example = readFileSync(EXAMPLE, 'utf8');
  let inBlock = false;
  const lines = example.split('\n').map((line) => {
    if (/^ {0,2}# (updates|services|contacts|confirmed|custom_measures):/.test(line))
      inBlock = true;
    else if (!/^ {0,2}#/.test(line)) inBlock = false;
    return inBlock ? line.replace(/^( {0,2})# /, '$1') : line;
  });
  const text = lines
    .join('\n')
    .replace(/^ {2}affected:.*\n(?: {4}.*\n)+/m, '')
    .replace('status: unknown', 'status: attack');
  const r = await checkIncident('example.yaml', {
    source: Buffer.from(text),
    languages: ['de', 'en'],
  });
  assert.deepEqual(r.diagnostics, []);
  const { incident } = r;
  assert.ok(incident.updates.length && incident.services.length && incident.contacts.hotline);
  assert.ok(incident.incident.confirmed && incident.incident.custom_measures.length);
  assert.deepEqual(incident.incident.affected, []);
});
