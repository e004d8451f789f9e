// Issue 15, part 2: status.json per incident, and its JSON Schema from `faq schema --status`.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDecoder } from 'node:util';
import Ajv from 'ajv';
import { renderFiles } from '../../lib/api.js';
import { EXAMPLE, FIXTURES, runInProcess, tempDir } from '../helpers.js';

/** status.json of each file, rendered in memory, by incident id. */
async function renderStatus(files, options = {}) {
  const { artifacts } = await renderFiles({ files, dryRun: true, ...options });
  const byId = new Map();
  for (const a of artifacts)
    if (a.path.endsWith('/status.json'))
      byId.set(a.path.split('/')[0], JSON.parse(new TextDecoder().decode(a.content)));
  return byId;
}

// Every status × phase × kind of file that changes status.json: services, drafts, English, merge.
const FIXTURE_FILES = [
  'attack-multi-day',
  'draft-de',
  'english-council-attack',
  'mail-merge-three',
  'malfunction-recovering',
  'unknown-resolved',
].map((name) => join(FIXTURES, name, 'incident.yaml'));

test('status.json of several fixtures validates against the schema `faq schema --status` prints', async () => {
  const r = await runInProcess(['schema', '--status']);
  assert.equal(r.code, 0, r.stderr);
  const schema = JSON.parse(r.stdout);
  assert.equal(schema.$id, 'urn:faq:status-json:v1');
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  // status.json alone for the fixtures (cheap); the example with every file, so links are checked.
  const statuses = await renderStatus(FIXTURE_FILES, { variants: ['status'] });
  for (const [id, status] of await renderStatus([EXAMPLE])) statuses.set(id, status);
  assert.ok(statuses.size >= 7, `${statuses.size} incidents`);
  for (const [id, status] of statuses)
    assert.ok(validate(status), `${id}: ${JSON.stringify(validate.errors)}`);
  // The schema is strict enough to fail: a missing, a misspelt and a wrong value.
  const example = statuses.get('regio-it-2026-11');
  const { phase, ...withoutPhase } = example;
  assert.equal(validate(withoutPhase), false);
  assert.equal(validate({ ...example, Status: phase }), false);
  assert.equal(validate({ ...example, updated: '2026-11-26T15:00+01:00' }), false);
});

test('status.json: state, services with since, hotline, draft and links to the other files', async () => {
  const statuses = await renderStatus(
    [
      join(FIXTURES, 'attack-multi-day', 'incident.yaml'),
      join(FIXTURES, 'draft-de', 'incident.yaml'),
    ],
    { langs: ['de'] },
  );
  const multi = statuses.get('attack-multi-day');
  assert.equal(multi.status, 'attack');
  assert.equal(multi.phase, 'recovering');
  assert.equal(multi.updated, '2026-11-28T16:00:00+01:00');
  assert.equal(multi.draft, false);
  assert.match(multi.summary, /^Aktuelle Lage: Es handelt sich um einen Cyberangriff\./);
  assert.ok(multi.services.length >= 3);
  for (const s of multi.services) assert.ok(['down', 'limited', 'restored'].includes(s.state));
  assert.ok(
    multi.services.some((s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+01:00$/.test(s.since ?? '')),
  );
  assert.match(multi.hotline.phone, /^\+49/);
  assert.ok(multi.hotline.hours);
  const paths = multi.links.map((l) => l.path);
  for (const file of ['faq.de.html', 'press.de.txt', 'feed.de.atom', 'feed.de.json'])
    assert.ok(paths.includes(file), `links ${file}`);
  // A mail merge's e-mails are each for one recipient: status.json does not point at them.
  assert.ok(!paths.some((p) => p.startsWith('email.')), paths.join(' '));
  assert.ok(!paths.includes('status.json'));
  assert.equal(
    multi.links.find((l) => l.path === 'feed.de.atom').media_type,
    'application/atom+xml',
  );
  assert.equal(statuses.get('draft-de').draft, true);
});

test('status.json: one per incident, absolute links under publish.base_url', async (t) => {
  const file = join(tempDir(t), 'incident.yaml');
  writeFileSync(
    file,
    `id: kurz
updated: 2026-11-26T15:00
organization: { name: Stadt Beispiel }
publish: { base_url: 'https://status.beispiel.example' }
incident: { status: malfunction, phase: resolved, detected: 2026-11-24 }
`,
  );
  const { artifacts } = await renderFiles({ files: [file], dryRun: true, langs: ['de', 'en'] });
  const statuses = artifacts.filter((a) => a.path.endsWith('status.json'));
  assert.deepEqual(
    statuses.map((a) => a.path),
    ['kurz/status.json'],
  );
  const status = JSON.parse(new TextDecoder().decode(statuses[0].content));
  assert.equal(status.lang, 'de');
  assert.deepEqual(status.services, []);
  assert.equal(status.hotline, undefined);
  const faq = status.links.find((l) => l.path === 'faq.en.html');
  assert.equal(faq.url, 'https://status.beispiel.example/kurz/faq.en.html');
  assert.equal(status.links.length, artifacts.length - 1);
});
