// Issue 13, texts that belong to a moment: `when` shows a question (or a recipient's answer) only
// in the status and phase it is written for; `as_of` warns when status or phase changed after it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIncident } from '../../lib/api.js';
import { findStateChanges } from '../../lib/incident/moments.js';
import { TemplateEngine } from '../../lib/render/engine.js';
import { renderIncident } from '../../lib/render/render.js';
import { TemplateStore } from '../../lib/render/templates.js';

const engine = new TemplateEngine(new TemplateStore());

/** An approved, resolved incident whose updates date each change; `tail` adds lines at the end. */
function source(tail, { phase = 'resolved' } = {}) {
  return [
    'id: moments', // 1
    'updated: 2026-11-30T10:00',
    'approval: { by: Pressestelle, at: 2026-11-30T10:00 }',
    'organization:',
    '  name: regio iT',
    '  contact: { email: presse@regioit.de }',
    'incident:',
    '  detected: 2026-11-24',
    '  findings_expected: 2026-11-29',
    'updates:', // 10
    '  - { at: 2026-11-24T09:00, text: Systeme getrennt., status: unknown, phase: investigating }',
    '  - { at: 2026-11-26T12:00, text: Es ist ein Angriff., status: attack }',
    `  - { at: 2026-11-28T15:00, text: Wieder in Betrieb., phase: ${phase} }`,
    ...tail, // 14 on
    '',
  ].join('\n');
}

const check = (text, options = {}) =>
  checkIncident('moments.yaml', { source: Buffer.from(text), ...options });

async function renderTexts(text, variants = ['faq', 'email']) {
  const { incident, diagnostics } = await check(text);
  assert.ok(incident, JSON.stringify(diagnostics));
  const { artifacts } = await renderIncident(incident, engine, {
    variants,
    formats: ['txt'],
    explicitFormats: false,
  });
  return Object.fromEntries(artifacts.map((a) => [a.path, Buffer.from(a.content).toString()]));
}

const QUESTIONS = [
  'questions:', // 14
  '  - question: Wann ist das Portal wieder da?',
  '    answer: Das Portal ist derzeit nicht erreichbar.',
  '    when: { phase: [investigating, recovering] }',
  '  - question: Sind alle Dienste wieder da?',
  '    answer: Ja, alle Dienste laufen wieder.',
  '    when: { status: [attack, malfunction], phase: [resolved] }',
];

test('when: a question is shown only in the status and phase it lists', async () => {
  const resolved = await renderTexts(source(QUESTIONS));
  assert.doesNotMatch(resolved['moments/faq.de.txt'], /Wann ist das Portal wieder da\?/);
  assert.match(resolved['moments/faq.de.txt'], /Sind alle Dienste wieder da\?/);
  const recovering = await renderTexts(source(QUESTIONS, { phase: 'recovering' }));
  assert.match(recovering['moments/faq.de.txt'], /Das Portal ist derzeit nicht erreichbar\./);
  assert.doesNotMatch(recovering['moments/faq.de.txt'], /Sind alle Dienste wieder da\?/);
});

test('when on a recipient hides its answer, and its e-mail is still written', async () => {
  const recipients = (when) => [
    'email:',
    '  recipients:',
    '    - name: Stadt Musterstadt',
    '      answer: Ihr Fachverfahren ist ebenfalls nicht erreichbar.',
    `      when: ${when}`,
  ];
  const hidden = await renderTexts(source(recipients('{ phase: [investigating] }')), ['email']);
  const mail = hidden['moments/email.de.stadt-musterstadt.txt'];
  assert.ok(mail, Object.keys(hidden).join(', '));
  assert.doesNotMatch(mail, /ebenfalls nicht erreichbar/);
  const shown = await renderTexts(source(recipients('{ phase: [resolved] }')), ['email']);
  assert.match(shown['moments/email.de.stadt-musterstadt.txt'], /ebenfalls nicht erreichbar/);
});

test('when: a misspelt value gets "did you mean", an empty list is refused', async () => {
  const { diagnostics } = await check(
    source([
      'questions:',
      '  - question: Frage?',
      '    answer: Antwort.',
      '    when: { phase: [resolvd], status: [] }', // 17
    ]),
  );
  const byPath = Object.fromEntries(diagnostics.map((d) => [d.path, d]));
  assert.deepEqual(Object.keys(byPath).sort(), [
    'questions.0.when.phase.0',
    'questions.0.when.status',
  ]);
  for (const d of diagnostics) assert.deepEqual([d.severity, d.line], ['error', 17]);
  assert.match(byPath['questions.0.when.phase.0'].hint, /did you mean `resolved`\?/);
  assert.match(byPath['questions.0.when.status'].message, /must not be an empty list/);
});

const STALE = [
  'questions:', // 14
  '  - question: Ist das Portal erreichbar?',
  '    answer: Das Portal ist ebenfalls nicht erreichbar.',
  '    as_of: 2026-11-27', // 17
];

test('as_of: a text written before the latest change of phase is a warning at its as_of', async () => {
  const { incident, diagnostics } = await check(source(STALE));
  assert.ok(incident);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [d] = diagnostics;
  assert.deepEqual([d.severity, d.path, d.line, d.col], ['warning', 'questions.0.as_of', 17, 12]);
  assert.equal(
    d.message,
    'written as of 2026-11-27, before the incident became "resolved" on 2026-11-28T15:00 — still true?',
  );
  assert.match(d.hint, /set as_of to 2026-11-30T10:00/);
});

test('as_of: a change of status counts too, also one dated by incident.confirmed', async () => {
  const early = [...STALE.slice(0, 3), '    as_of: 2026-11-25'];
  const fromUpdates = await check(source(early, { phase: 'recovering' }));
  const stale = fromUpdates.diagnostics.find((d) => d.path === 'questions.0.as_of');
  assert.match(stale.message, /became "recovering" on 2026-11-28T15:00/);
  // Written after the status changed, but before the phase did: the phase is named.
  const between = await check(source([...STALE.slice(0, 3), '    as_of: 2026-11-26T13:00']));
  assert.match(between.diagnostics[0].message, /became "resolved"/);
  // Without updates, `confirmed` says when the status became what it is.
  const confirmed = [
    'id: moments',
    'updated: 2026-11-30T10:00',
    'organization: { name: regio iT }',
    'incident: { status: attack, phase: recovering, detected: 2026-11-24, confirmed: 2026-11-26 }',
    'questions:',
    '  - { question: Angriff?, answer: Das ist noch offen., as_of: 2026-11-25 }',
  ].join('\n');
  const { diagnostics } = await check(confirmed);
  assert.deepEqual(
    diagnostics.map((d) => [d.path, d.line, d.message]),
    [
      [
        'questions.0.as_of',
        6,
        'written as of 2026-11-25, before the incident became "attack" on 2026-11-26 — still true?',
      ],
    ],
  );
});

test('as_of: no warning when it is after the change, left out, or the text is not shown', async () => {
  const fresh = [...STALE.slice(0, 3), '    as_of: 2026-11-29'];
  assert.deepEqual((await check(source(fresh))).diagnostics, []);
  assert.deepEqual((await check(source(STALE.slice(0, 3)))).diagnostics, []);
  const hidden = [...STALE, '    when: { phase: [investigating] }'];
  assert.deepEqual((await check(source(hidden))).diagnostics, []);
  // A recipient's answer is judged like a question.
  const recipient = [
    'email:',
    '  recipients:',
    '    - { name: Stadt, answer: Nicht erreichbar., as_of: 2026-11-25 }', // 16
  ];
  const r = await check(source(recipient));
  assert.deepEqual(
    r.diagnostics.map((d) => [d.severity, d.path, d.line]),
    [['warning', 'email.recipients.0.as_of', 16]],
  );
});

test('--release refuses a stale text with an error at its as_of', async () => {
  const { incident, diagnostics } = await check(source(STALE), { release: true });
  assert.equal(incident, undefined);
  assert.deepEqual(
    diagnostics.map((d) => [d.severity, d.path, d.line]),
    [['error', 'questions.0.as_of', 17]],
  );
});

test('state changes: in date order, a value repeated is no change, undated events are skipped', () => {
  const at = (day) => ({
    hasTime: false,
    year: 2026,
    month: 11,
    day,
    hour: 0,
    minute: 0,
    offset: 60,
  });
  const changes = findStateChanges([
    { at: at(28), written: '28', phase: 'resolved' },
    { at: at(24), written: '24', status: 'unknown', phase: 'investigating' },
    { at: at(26), written: '26', status: 'attack' },
    { at: at(27), written: '27', status: 'attack' },
    { written: 'bad', phase: 'recovering' },
  ]);
  assert.deepEqual(
    changes.map((c) => [c.written, c.value]),
    [
      ['26', 'attack'],
      ['28', 'resolved'],
    ],
  );
});
