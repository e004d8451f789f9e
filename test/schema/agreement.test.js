// `faq schema` must agree with `faq check`: a standard validator (ajv) accepts what check accepts
// and rejects what check rejects — except for the rules JSON Schema cannot express, which are
// listed (and documented in docs/commands.md) so that the list stays true.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextEncoder } from 'node:util';
import Ajv from 'ajv';
import { checkIncident } from '../../lib/api.js';
import { parseIncidentSource } from '../../lib/incident/load.js';
import { EXAMPLE, FIXTURES, runCli, runInProcess } from '../helpers.js';

const printed = runCli(['schema']);
const schema = JSON.parse(printed.stdout);
// The strictest ajv: unknown keywords, formats or loose required lists would throw here.
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const encoder = new TextEncoder();

/** What ajv says about a YAML text (as faq's own loader reads it) and what faq check says. */
async function judge(text, file = 'incident.yaml') {
  const bytes = encoder.encode(text);
  const loaded = parseIncidentSource(file, bytes);
  assert.ok(loaded.ok, `the YAML itself is readable: ${JSON.stringify(loaded.diagnostics)}`);
  const ajvOk = validate(loaded.loaded.data);
  const errors = validate.errors;
  const checked = await checkIncident(file, { source: bytes });
  const checkOk = !checked.diagnostics.some((d) => d.severity === 'error');
  return { ajvOk, checkOk, errors, diagnostics: checked.diagnostics };
}

const BASE = `id: stadtwerke-2026-12
lang: de
updated: 2026-12-02T08:15
organization:
  name: Stadtwerke Musterstadt
  grammar: { gender: plural }
  about: |
    Die Stadtwerke Musterstadt versorgen die Stadt mit Strom, Wasser und Wärme.

    Sie betreiben außerdem das [Kundenportal](https://portal.example.org).
  city: Musterstadt
  website: https://www.stadtwerke.example
  timezone: Europe/Berlin
  contact: { name: Unternehmenskommunikation, email: presse@stadtwerke.example, phone: '+49 123 4567' }
incident:
  status: attack
  phase: investigating
  detected: 2026-12-01T22:40
  crisis_team: 2026-12-01T23:30
  findings_expected: 2026-12-05
  measures: [shutdown, experts, forensics]
  affected:
    - Kundenportal
    - de: Abrechnung
      en: Billing
options:
  cancel_appointments: true
questions:
  - question: Ist die Stromversorgung gefährdet?
    answer: Nein. Die Netzleittechnik ist von der IT getrennt und arbeitet normal.
press:
  headline: Cyberangriff auf die Stadtwerke Musterstadt
email:
  subject: 'Stadtwerke Musterstadt: IT-Störung'
  from: { name: Stadtwerke Musterstadt, email: info@stadtwerke.example }
  salutation: Sehr geehrte Damen und Herren,
  signature: |
    Mit freundlichen Grüßen

    Ihre Stadtwerke Musterstadt
  recipients:
    - name: Stadt Musterstadt
      email: it@musterstadt.example
      salutation: Sehr geehrte Frau Muster,
      answer: Ihre Fachverfahren sind nach derzeitigem Stand nicht betroffen.
    - name: Kreis Beispiel
`;

const RESOLVED_EN = `lang: en
updated: 2026-03-10
organization:
  name: County IT
  grammar: { gender: none }
incident:
  status: malfunction
  phase: resolved
  detected: 2026-03-01
`;

const KDN = `id: kdn-2026
updated: 2026-05-04T10:00+02:00
organization:
  name: Zweckverband KDN
  grammar: { gender: masculine, genitive: Zweckverbands KDN }
  timezone: Europe/Berlin
incident:
  status: unknown
  detected: 2026-05-03
  findings_expected: 2026-05-06
options: {}
press: {}
email: {}
`;

test('the schema is draft-07 with an id, a title, descriptions, enums, defaults and examples', () => {
  assert.equal(printed.code, 0, printed.stderr);
  assert.equal(printed.stderr, '');
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(schema.$id, 'urn:faq:incident-file:v1');
  assert.equal(schema.title, 'faq incident file');
  assert.deepEqual(schema.required, ['updated', 'organization', 'incident']);
  const incident = schema.properties.incident.properties;
  assert.deepEqual(incident.status.enum, ['unknown', 'attack', 'malfunction']);
  assert.equal(incident.phase.default, 'investigating');
  assert.deepEqual(incident.measures.default, ['shutdown', 'crisis_team', 'experts', 'forensics']);
  assert.equal(schema.properties.lang.default, 'de');
  assert.ok(schema.properties.updated.examples.includes('2026-11-24T09:30'));
  // Every key an author can write has a description (language keys of texts excepted).
  const missing = [];
  const walk = (node, path) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (!['de', 'en'].includes(key) && !child.description) missing.push([...path, key].join('.'));
      walk(child, [...path, key]);
    }
    if (node.items) walk(node.items, [...path, '[]']);
    for (const branch of node.anyOf ?? []) walk(branch, path);
  };
  walk(schema, []);
  assert.deepEqual(missing, []);
});

test('the schema is the same on every run (it can be committed)', async () => {
  assert.equal((await runInProcess(['schema'])).stdout, printed.stdout);
});

test('ajv accepts the example and every fixture that faq check accepts', async () => {
  const files = [EXAMPLE];
  for (const name of readdirSync(FIXTURES)) {
    const file = join(FIXTURES, name, 'incident.yaml');
    if (existsSync(file)) files.push(file);
  }
  assert.ok(files.length > 5, 'fixtures found');
  let accepted = 0;
  for (const file of files) {
    const { ajvOk, checkOk, errors } = await judge(readFileSync(file, 'utf8'), file);
    if (!checkOk) continue;
    accepted++;
    assert.ok(ajvOk, `${file}: ${JSON.stringify(errors)}`);
  }
  assert.ok(accepted >= 5);
});

test('ajv accepts other real-looking incident files, as faq check does', async () => {
  for (const [name, text] of [
    ['plural org, mail merge, localized list', BASE],
    ['English, resolved, no findings date', RESOLVED_EN],
    ['masculine org, offset date, empty sections', KDN],
  ]) {
    const { ajvOk, checkOk, errors, diagnostics } = await judge(text);
    assert.ok(checkOk, `${name}: faq check: ${JSON.stringify(diagnostics)}`);
    assert.ok(ajvOk, `${name}: ajv: ${JSON.stringify(errors)}`);
  }
});

/** Edits of BASE that both must reject. */
const REJECTED = [
  ['typo in a top-level key', (s) => s.replace('updated:', 'upated:')],
  ['typo in a nested key', (s) => s.replace('  status: attack', '  stauts: attack')],
  ['typo in a contact key', (s) => s.replace('phone:', 'telefon:')],
  ['typo in a recipient key', (s) => s.replace('      answer:', '      antwort:')],
  ['unknown language in a text', (s) => s.replace('en: Billing', 'fr: Facturation')],
  ['bad status', (s) => s.replace('status: attack', 'status: angriff')],
  ['bad phase', (s) => s.replace('phase: investigating', 'phase: done')],
  ['bad measure', (s) => s.replace('[shutdown, experts', '[shutdown, lawyers')],
  ['a measure twice', (s) => s.replace('[shutdown, experts', '[shutdown, shutdown')],
  ['bad gender', (s) => s.replace('gender: plural', 'gender: female')],
  ['bad lang', (s) => s.replace('lang: de', 'lang: fr')],
  ['path-like id', (s) => s.replace('id: stadtwerke-2026-12', 'id: ../x')],
  ['id with a slash', (s) => s.replace('id: stadtwerke-2026-12', 'id: a/b')],
  ['id in capitals', (s) => s.replace('id: stadtwerke-2026-12', 'id: Stadtwerke')],
  ['id too long', (s) => s.replace('id: stadtwerke-2026-12', `id: ${'a'.repeat(65)}`)],
  ['id as a number', (s) => s.replace('id: stadtwerke-2026-12', 'id: 2026')],
  ['boolean as text', (s) => s.replace('cancel_appointments: true', 'cancel_appointments: "ja"')],
  ['boolean as yes', (s) => s.replace('cancel_appointments: true', 'cancel_appointments: yes')],
  ['name as a number', (s) => s.replace('name: Stadtwerke Musterstadt', 'name: 4711')],
  ['empty name', (s) => s.replace('name: Stadtwerke Musterstadt', "name: ''")],
  ['blank name', (s) => s.replace('name: Stadtwerke Musterstadt', "name: '   '")],
  ['two-line name', (s) => s.replace('name: Stadtwerke Musterstadt', 'name: "Stadt\\nwerke"')],
  ['control character', (s) => s.replace('city: Musterstadt', 'city: "Muster\\u0007stadt"')],
  [
    'escape sequence in the website',
    (s) =>
      s.replace('example\n', 'example/\\e[31m"\n').replace('website: https', 'website: "https'),
  ],
  ['right-to-left override', (s) => s.replace('city: Musterstadt', 'city: "Muster\\u202Estadt"')],
  ['zero-width space', (s) => s.replace('name: Kreis Beispiel', 'name: "Kreis\\u200BBeispiel"')],
  [
    'byte order mark inside a text',
    (s) => s.replace('Musterstadt versorgen', 'Muster\uFEFFstadt versorgen'),
  ],
  [
    'website with a user name',
    (s) =>
      s.replace('https://www.stadtwerke.example', 'https://www.stadtwerke.example@evil.example'),
  ],
  ['empty answer', (s) => s.replace(/answer: Nein\..*/, "answer: ''")],
  ['answer missing', (s) => s.replace(/ {4}answer: Nein\..*\n/, '')],
  ['empty text map', (s) => s.replace('- de: Abrechnung\n      en: Billing', '- {}')],
  ['null value', (s) => s.replace('city: Musterstadt', 'city:')],
  ['list instead of text', (s) => s.replace('city: Musterstadt', 'city: [a, b]')],
  [
    'text instead of list',
    (s) => s.replace('measures: [shutdown, experts, forensics]', 'measures: shutdown'),
  ],
  ['not a date', (s) => s.replace('detected: 2026-12-01T22:40', 'detected: gestern')],
  ['German date format', (s) => s.replace('detected: 2026-12-01T22:40', 'detected: 01.12.2026')],
  ['bad e-mail', (s) => s.replace('email: info@stadtwerke.example', 'email: info(at)stadtwerke')],
  ['sender without address', (s) => s.replace('email: info@stadtwerke.example }', '}')],
  ['ftp website', (s) => s.replace('https://www.stadtwerke.example', 'ftp://stadtwerke.example')],
  ['website with a space', (s) => s.replace('https://www.stadtwerke.example', 'https://a b')],
  [
    'recipient without name',
    (s) => s.replace('    - name: Kreis Beispiel', '    - email: k@b.example'),
  ],
  ['missing organization', (s) => s.replace(/organization:\n {2}name: .*\n/, 'organization:\n')],
  ['missing status', (s) => s.replace('  status: attack\n', '')],
  [
    'missing findings while investigating',
    (s) => s.replace('  findings_expected: 2026-12-05\n', ''),
  ],
  [
    'findings missing, phase by default',
    (s) =>
      s
        .replace('  phase: investigating\n  ', '  ')
        .replace('  findings_expected: 2026-12-05\n', ''),
  ],
  ['press is a text', (s) => s.replace(/press:\n.*\n/, 'press: Cyberangriff\n')],
  [
    'missing status, and no update sets one',
    (s) => `${s.replace('  status: attack\n', '')}updates:\n  - { at: 2026-12-02, text: Neu. }\n`,
  ],
  [
    'findings missing, phase left out, no update sets a phase',
    (s) =>
      `${s.replace('  phase: investigating\n', '').replace('  findings_expected: 2026-12-05\n', '')}updates:\n  - { at: 2026-12-02, text: Neu., status: attack }\n`,
  ],
  [
    'findings missing, phase written investigating beside updates',
    (s) =>
      `${s.replace('  findings_expected: 2026-12-05\n', '')}updates:\n  - { at: 2026-12-02, text: Neu. }\n`,
  ],
];

/** Edits both must accept (the edge of each rule, on the valid side). */
const ACCEPTED = [
  [
    'no findings when recovering',
    (s) =>
      s
        .replace('phase: investigating', 'phase: recovering')
        .replace('  findings_expected: 2026-12-05\n', ''),
  ],
  ['id of 64 characters', (s) => s.replace('id: stadtwerke-2026-12', `id: ${'a'.repeat(64)}`)],
  ['id starting with a digit', (s) => s.replace('id: stadtwerke-2026-12', 'id: 2026-stadtwerke')],
  ['text with spaces around it', (s) => s.replace('city: Musterstadt', "city: '  Musterstadt  '")],
  [
    'block text ending in a line break',
    (s) => s.replace('  headline: Cyberangriff', '  headline: |\n    Cyberangriff'),
  ],
  [
    'date with seconds and Z',
    (s) => s.replace('detected: 2026-12-01T22:40', 'detected: 2026-12-01T21:40:00Z'),
  ],
  [
    'date with a space',
    (s) => s.replace('detected: 2026-12-01T22:40', "detected: '2026-12-01 22:40'"),
  ],
  [
    'HTTP in capitals',
    (s) => s.replace('https://www.stadtwerke.example', 'HTTPS://www.stadtwerke.example'),
  ],
  ['tab inside a text', (s) => s.replace('city: Musterstadt', 'city: "Muster\\tstadt"')],
  [
    'joiners where scripts need them',
    (s) => s.replace('city: Musterstadt', 'city: "می\\u200Cخواهم 👨\\u200D👩"'),
  ],
  ['soft hyphen', (s) => s.replace('city: Musterstadt', 'city: "Muster\\u00ADstadt"')],
  [
    'website with "@" in its path',
    (s) => s.replace('https://www.stadtwerke.example', 'https://www.stadtwerke.example/@team'),
  ],
  ['empty lists', (s) => s.replace(/ {2}affected:\n(.*\n){3}/, '  affected: []\n')],
  ['no measures', (s) => s.replace('measures: [shutdown, experts, forensics]', 'measures: []')],
  [
    'status and phase from the updates, no findings when recovering',
    (s) =>
      `${s
        .replace('  status: attack\n  phase: investigating\n', '')
        .replace('  findings_expected: 2026-12-05\n', '')}updates:
  - { at: 2026-12-02T08:00, text: Wir stellen wieder her., status: attack, phase: recovering }
  - { at: 2026-12-01T23:00, text: Wir prüfen. }
`,
  ],
];

/** Runs each edit of BASE through both; returns the cases where they disagree with `expected`. */
async function disagreements(cases, expected) {
  const wrong = [];
  for (const [name, edit] of cases) {
    const text = edit(BASE);
    assert.notEqual(text, BASE, `${name}: the edit applies`);
    const { ajvOk, checkOk, errors, diagnostics } = await judge(text);
    if (checkOk !== expected.check)
      wrong.push(`${name}: faq check says ${checkOk}: ${diagnostics[0]?.message ?? ''}`);
    if (ajvOk !== expected.ajv)
      wrong.push(`${name}: ajv says ${ajvOk}: ${JSON.stringify(errors?.[0] ?? '')}`);
  }
  return wrong;
}

test('ajv and faq check reject the same broken files', async () => {
  assert.deepEqual(await disagreements(REJECTED, { check: false, ajv: false }), []);
});

test('ajv and faq check accept the same edge cases', async () => {
  assert.deepEqual(await disagreements(ACCEPTED, { check: true, ajv: true }), []);
});

test('what only faq check knows (docs/commands.md: "What the schema cannot check")', async () => {
  const ONLY_CHECK = [
    [
      'impossible date',
      (s) => s.replace('findings_expected: 2026-12-05', 'findings_expected: 2026-02-30'),
    ],
    [
      'impossible time',
      (s) => s.replace('detected: 2026-12-01T22:40', 'detected: 2026-12-01T25:40'),
    ],
    [
      'crisis team before detection',
      (s) => s.replace('crisis_team: 2026-12-01T23:30', 'crisis_team: 2026-11-30'),
    ],
    [
      'updated before detection',
      (s) => s.replace('updated: 2026-12-02T08:15', 'updated: 2026-11-30'),
    ],
    ['unknown time zone', (s) => s.replace('timezone: Europe/Berlin', 'timezone: Europe/Aachen')],
    ['unsafe link', (s) => s.replace('(https://portal.example.org)', '(javascript:alert(1))')],
    [
      'link with a user name',
      (s) => s.replace('(https://portal.example.org)', '(https://portal.example.org@evil.example)'),
    ],
    [
      'joiner where no script needs one',
      (s) => s.replace('city: Musterstadt', 'city: "Muster\\u200Dstadt"'),
    ],
    ['tag character', (s) => s.replace('city: Musterstadt', 'city: "Muster\\U000E0041stadt"')],
    [
      'text lacking the file language',
      (s) => s.replace('- de: Abrechnung\n      en: Billing', '- en: Billing'),
    ],
    [
      'two recipients with one file name',
      (s) => s.replace('- name: Kreis Beispiel', '- name: Stadt  Musterstadt'),
    ],
    [
      'a status contradicting the newest update',
      (s) => `${s}updates:\n  - { at: 2026-12-02, text: Neu., status: malfunction }\n`,
    ],
    ['an update after "updated"', (s) => `${s}updates:\n  - { at: 2026-12-03, text: Neu. }\n`],
    ['affected beside services', (s) => `${s}services:\n  - { name: Kfz, state: down }\n`],
  ];
  // If ajv starts rejecting one of these, the list in docs/commands.md must change with it.
  assert.deepEqual(await disagreements(ONLY_CHECK, { check: false, ajv: true }), []);
});
