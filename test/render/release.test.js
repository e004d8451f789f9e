// Issue 13, the release gate: without a current approval every artifact is visibly a draft, and
// `--release` refuses drafts, stale approvals and every warning (exit 1, at the right line).
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { checkIncident } from '../../lib/api.js';
import { TemplateEngine } from '../../lib/render/engine.js';
import { renderIncident } from '../../lib/render/render.js';
import { TemplateStore } from '../../lib/render/templates.js';
import { EXAMPLE, fixture, overlay, runInProcess, tempDir } from '../helpers.js';

const engine = new TemplateEngine(new TemplateStore());
const MARKS = {
  de: { banner: 'ENTWURF – nicht veröffentlichen', subject: '[ENTWURF] ' },
  en: { banner: 'DRAFT – do not publish', subject: '[DRAFT] ' },
};

/** A small incident with German and English texts; `extra` lines are added at the top level. */
function incidentSource(extra = '', findings = '2026-11-28') {
  return [
    'id: gate', // line 1
    'lang: de',
    'updated: 2026-11-26T15:00', // line 3
    'organization:',
    '  name: regio iT',
    '  contact: { name: Pressestelle, email: presse@regioit.de }',
    'incident:',
    '  status: unknown',
    '  phase: investigating',
    '  detected: 2026-11-24',
    `  findings_expected: ${findings}`, // line 11
    extra,
    '',
  ].join('\n');
}

async function check(source, options = {}) {
  return checkIncident('gate.yaml', { source: Buffer.from(source), ...options });
}

async function renderAll(source, eng = engine) {
  const checked = await check(source, { languages: ['de', 'en'] });
  assert.ok(checked.incident, JSON.stringify(checked.diagnostics));
  const { artifacts } = await renderIncident(checked.incident, eng, {
    variants: ['faq', 'press', 'email'],
    formats: ['html', 'md', 'txt', 'eml'],
    langs: ['de', 'en'],
    explicitFormats: false,
  });
  return artifacts;
}

const text = (a) => Buffer.from(a.content).toString('utf8');

for (const lang of ['de', 'en']) {
  test(`${lang}: a draft is marked in every format of every variant`, async () => {
    const { banner, subject } = MARKS[lang];
    const artifacts = (await renderAll(incidentSource())).filter((a) => a.lang === lang);
    assert.equal(artifacts.length, 10);
    for (const a of artifacts) {
      const content = text(a);
      if (a.format === 'txt') assert.equal(content.split('\n')[0], banner, a.path);
      if (a.format === 'md') assert.equal(content.split('\n')[0], `**${banner}**`, a.path);
      if (a.format === 'html')
        assert.match(
          content,
          new RegExp(
            `<body[^>]*>\\n<p class="draft" role="note" style="[^"]+"><strong>${banner}</strong></p>`,
          ),
          a.path,
        );
      if (a.variant === 'email') assert.ok(a.title.startsWith(subject), a.title);
      else assert.ok(!a.title.includes(subject.trim()), a.title);
      if (a.format === 'eml') {
        const mail = await simpleParser(Buffer.from(a.content));
        assert.ok(mail.subject.startsWith(subject), mail.subject);
        assert.equal(mail.text.split('\n')[0], banner);
        assert.ok(mail.html.includes(`<strong>${banner}</strong>`));
      }
    }
  });
}

test('an approved version carries no draft mark, in any language or format', async () => {
  const source = incidentSource('approval: { by: Pressestelle, at: 2026-11-26T15:00 }');
  const artifacts = await renderAll(source);
  assert.equal(artifacts.length, 20);
  for (const a of artifacts) assert.doesNotMatch(text(a), /ENTWURF|DRAFT/, a.path);
  // Approved later than the "Stand" is approved too (nothing changed since).
  const later = incidentSource('approval: { by: Pressestelle, at: 2026-11-27 }');
  assert.deepEqual((await check(later)).diagnostics, []);
  for (const a of await renderAll(later)) assert.doesNotMatch(text(a), /ENTWURF|DRAFT/, a.path);
});

test('an approval older than "updated" makes a draft again, with a warning at approval.at', async () => {
  const source = incidentSource('approval: { by: Pressestelle, at: 2026-11-26T10:00 }');
  const { diagnostics } = await check(source);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [d] = diagnostics;
  assert.deepEqual([d.severity, d.path, d.line, d.col], ['warning', 'approval.at', 12, 35]);
  assert.match(
    d.message,
    /approval is for the version of 2026-11-26T10:00; this is a newer version/,
  );
  assert.match(d.hint, /set approval\.at to 2026-11-26T15:00/);
  const txt = (await renderAll(source)).find((a) => a.path === 'gate/faq.de.txt');
  assert.ok(text(txt).startsWith(`${MARKS.de.banner}\n\n`));
});

test('a template folder without the draft labels still marks drafts, in English', async (t) => {
  const labels = {
    skip: 'Zum Inhalt',
    contents: 'Inhalt',
    updated: 'Stand',
    titleSeparator: ' – ',
  };
  const dir = overlay(t, { 'de/labels.json': JSON.stringify(labels) });
  const custom = new TemplateEngine(new TemplateStore(dir));
  const artifacts = await renderAll(incidentSource(), custom);
  const de = (name) => text(artifacts.find((a) => a.path === `gate/${name}`));
  assert.ok(de('faq.de.txt').startsWith('DRAFT – do not publish\n\n'));
  assert.ok(artifacts.find((a) => a.path === 'gate/email.de.eml').title.startsWith('[DRAFT] '));
});

test('--release refuses a draft at the top of the file, with the approval to add', async () => {
  const { incident, diagnostics } = await check(incidentSource(), { release: true });
  assert.equal(incident, undefined);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [d] = diagnostics;
  assert.deepEqual([d.severity, d.path, d.line, d.col], ['error', 'approval', 1, 1]);
  assert.match(d.message, /draft/);
  assert.equal(d.hint, 'once it is approved, add approval: { by: …, at: 2026-11-26T15:00 }');
  // Without --release the same file is fine: a draft is what one works on.
  assert.deepEqual((await check(incidentSource())).diagnostics, []);
});

test('--release refuses an old approval at approval.at', async () => {
  const source = incidentSource('approval: { by: Pressestelle, at: 2026-11-25 }');
  const { incident, diagnostics } = await check(source, { release: true });
  assert.equal(incident, undefined);
  assert.deepEqual(
    diagnostics.map((d) => [d.severity, d.path, d.line]),
    [['error', 'approval.at', 12]],
  );
  assert.match(diagnostics[0].hint, /--release refuses every warning/);
});

test('an expired promise: a warning for a draft, an error with --release, at findings_expected', async () => {
  const approved = 'approval: { by: Pressestelle, at: 2026-11-26T15:00 }';
  const source = incidentSource(approved, '2026-11-25');
  const draft = await check(source);
  assert.ok(draft.incident);
  assert.deepEqual(
    draft.diagnostics.map((d) => [d.severity, d.path, d.line]),
    [['warning', 'incident.findings_expected', 11]],
  );
  const release = await check(source, { release: true });
  assert.equal(release.incident, undefined);
  assert.deepEqual(
    release.diagnostics.map((d) => [d.severity, d.path, d.line, d.col]),
    [['error', 'incident.findings_expected', 11, 22]],
  );
});

test('faq render --release: a draft exits 1 and writes nothing; the approved example renders', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'gate.yaml');
  writeFileSync(file, incidentSource());
  const out = join(dir, 'out');
  const r = await runInProcess(['render', '--release', file, '-o', out]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /gate\.yaml:1:1: error: approval: this version is a draft/);
  assert.equal(existsSync(out), false, 'nothing is written');
  const ok = await runInProcess(['render', '--release', EXAMPLE, '-o', out, '--quiet']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.ok(existsSync(join(out, 'regio-it-2026-11', 'faq.de.html')));
});

test('faq check --release exits 1 on a draft; render --release fails on a render warning', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'gate.yaml');
  writeFileSync(file, incidentSource());
  const r = await runInProcess(['check', '--release', file]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /gate\.yaml:1:1: error: approval: /);
  assert.equal((await runInProcess(['check', file])).code, 0);
  // An e-mail without sender is a warning (no .eml written); --release publishes nothing then.
  const out = join(dir, 'out');
  const noSender = await runInProcess([
    'render',
    '--release',
    fixture('no-sender', 'incident.yaml'),
    '-o',
    out,
  ]);
  assert.equal(noSender.code, 1, noSender.stderr);
  assert.match(
    noSender.stderr,
    /error: email\.from: .*the e-mail has no sender.*--release refuses every warning/,
  );
  assert.equal(existsSync(out), false);
});

test('a mail merge marks every recipient of a draft, merged or rendered one by one, and hides an answer out of its moment', async () => {
  const recipients = Array.from(
    { length: 4 },
    (_, i) =>
      `    - { name: Stadt ${i}, email: s${i}@x.example, answer: Antwort ${i}.${i % 2 ? ' ' : ', when: { phase: [resolved] }'} }`,
  );
  const source = incidentSource(['email:', '  recipients:', ...recipients].join('\n'));
  const { incident } = await check(source);
  const selection = {
    variants: ['email'],
    formats: ['html', 'md', 'txt', 'eml'],
    langs: ['de'],
    explicitFormats: false,
  };
  const runs = [
    await renderIncident(incident, engine, selection),
    await renderIncident(incident, engine, selection, { parseFrom: 1, mergeFrom: 1 }),
    await renderIncident(incident, engine, selection, { eachRecipientInFull: true }),
  ];
  const [merged, analysed, full] = runs.map(({ artifacts }) =>
    Object.fromEntries(artifacts.map((a) => [a.path, text(a)])),
  );
  assert.deepEqual(merged, full);
  assert.deepEqual(analysed, full);
  assert.equal(Object.keys(full).length, 16);
  for (const [path, content] of Object.entries(full)) {
    if (path.endsWith('.txt')) assert.ok(content.startsWith(`${MARKS.de.banner}\n\n`), path);
    if (path.endsWith('.md')) assert.ok(content.startsWith(`**${MARKS.de.banner}**\n\n`), path);
    if (path.endsWith('.html')) assert.match(content, /<p class="draft"/, path);
    if (path.endsWith('.eml')) {
      const mail = await simpleParser(Buffer.from(content));
      assert.ok(mail.subject.startsWith(MARKS.de.subject), path);
    }
    const i = Number(/stadt-(\d)/.exec(path)[1]);
    if (!path.endsWith('.eml'))
      assert.equal(content.includes(`Antwort ${i}.`), i % 2 === 1, `${path}: answer ${i}`);
  }
});
