// Issue 10, findings 13 and 14: one rule for the characters of every string of an incident file.
// Control characters, invisible format characters (bidi controls, zero-width space, BOM, tags)
// and joiners where no script needs them are refused, in every field, at file:line:col.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import YAML from 'yaml';
import { checkIncident } from '../../lib/api.js';
import {
  CONTROL_CLASS,
  INVISIBLE_BMP_CLASS,
  findUnsafeCharacter,
} from '../../lib/incident/characters.js';
import { MAX_DIAGNOSTICS } from '../../lib/incident/load.js';
import { buildIncidentJsonSchema } from '../../lib/schema/json-schema.js';

const kindOf = (text) => findUnsafeCharacter(text)?.kind;

test('refused: C0 and C1 controls, DEL, NUL', () => {
  for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\ufffe'])
    assert.equal(kindOf(`a${c}b`), 'control', JSON.stringify(c));
  assert.equal(findUnsafeCharacter('https://x.example/\u001b]0;hi\u0007').index, 18);
});

test('allowed: TAB, line breaks (where the field may have them), soft hyphen, NBSP', () => {
  for (const text of ['a\tb', 'a\nb\r\nc', 'Donau\u00addampf', '10\u00a0km', 'Grüße 😀'])
    assert.equal(findUnsafeCharacter(text), undefined, JSON.stringify(text));
});

test('refused: bidi controls, zero-width space, word joiner, BOM, tag characters', () => {
  const invisible = [
    ...'\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
    ...'\u200b\u2060\ufeff\u2062',
    '\u{e0001}',
    '\u{e0041}',
    '\u{e007f}',
  ];
  for (const c of invisible) assert.equal(kindOf(`Pay${c}ment`), 'invisible', JSON.stringify(c));
});

test('joiners: allowed after letters of scripts that need them and inside emoji sequences', () => {
  const allowed = [
    'می\u200cخواهم', // Persian: ZWNJ between two words' forms
    'ه\u200d', // Arabic: a letter shown in its joining form
    'क्\u200dष', // Devanagari: half form after the virama
    'ক্\u200cত', // Bengali
    '👨\u200d👩\u200d👧', // family
    '👩🏽\u200d💻', // after a skin tone
    '🏳️\u200d🌈', // after the emoji presentation selector
  ];
  for (const text of allowed) assert.equal(findUnsafeCharacter(text), undefined, text);
  const refused = [
    'Pay\u200dment',
    'Pay\u200cment',
    '\u200dA',
    'a \u200db',
    '😀\u200cx', // ZWNJ has no use in an emoji sequence
    '👨\u200d\u200d👩', // the second joiner follows a joiner
  ];
  for (const text of refused) assert.equal(kindOf(text), 'joiner', JSON.stringify(text));
});

test('the JSON Schema class of invisible characters is exactly \\p{Cf} of the BMP, less soft hyphen and joiners', () => {
  const pattern = new RegExp(`[${INVISIBLE_BMP_CLASS}]`);
  const differ = [];
  for (let cp = 0; cp <= 0xffff; cp++) {
    const c = String.fromCharCode(cp);
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const expected = /\p{Cf}/u.test(c) && !'\u00ad\u200c\u200d'.includes(c);
    if (pattern.test(c) !== expected) differ.push(cp.toString(16));
  }
  assert.deepEqual(differ, []);
  assert.ok(new RegExp(`[${CONTROL_CLASS}]`).test('\u009b'));
});

/**
 * An incident file with every key the schema knows, each text in both shapes — except
 * `incident.affected`, which may not stand beside `services`: WITH_AFFECTED has it instead.
 */
const FULL = `id: every-field
lang: de
updated: 2026-12-02T08:15
organization:
  name: Stadtwerke Musterstadt
  about: Die Stadtwerke versorgen die Stadt.
  city: Musterstadt
  website: https://www.stadtwerke.example
  timezone: Europe/Berlin
  contact: { name: Pressestelle, email: presse@stadtwerke.example, phone: '+49 123 4567' }
  grammar:
    gender: plural
    genitive: Stadtwerke Musterstadt
    forms: { nom: die Stadtwerke Musterstadt, gen: der Stadtwerke Musterstadt, dat: den Stadtwerken Musterstadt, acc: die Stadtwerke Musterstadt }
  kind: provider
  short_name: Stadtwerke
approval: { by: Pressestelle, at: 2026-12-02T08:15 }
incident:
  status: attack
  phase: investigating
  detected: 2026-12-01T22:40
  crisis_team: 2026-12-01T23:30
  findings_expected: 2026-12-05
  measures: [shutdown, experts]
  confirmed: 2026-12-02
  custom_measures:
    - { title: Notbetrieb, text: Wir arbeiten im Notbetrieb. }
    - { title: { de: Hotline }, text: { de: Die Hotline ist geschaltet. } }
updates:
  - { at: 2026-12-02T08:00, text: Der Angriff ist bestätigt., status: attack, phase: investigating }
  - { at: 2026-12-01T23:00, text: { de: Wir prüfen. } }
services:
  - { name: Kfz-Zulassung, state: limited, since: 2026-12-02, note: Nur mit Termin. }
  - { name: { de: Bürgerbüro }, state: down, note: { de: Geschlossen. } }
contacts:
  hotline: { phone: '+49 123 999', hours: Mo–Fr 8–18 Uhr }
  email_unreachable_since: 2026-12-01
  alternatives: Per Post oder Fax.
options: { cancel_appointments: true }
questions:
  - { question: Ist Strom betroffen?, answer: Nein., when: { status: [attack], phase: [investigating] }, as_of: 2026-12-02 }
  - { question: { de: Wann? }, answer: { de: Bald. } }
press: { headline: Cyberangriff }
leicht:
  about: Wir sind die Stadt·werke.
  questions:
    - { question: Geht der Strom?, answer: { de: Ja. } }
  names:
    - { name: Kfz-Zulassung, leicht: Auto-Anmeldung }
  checked_by: Prüf·gruppe
notices:
  sms: { text: 'Stadtwerke Musterstadt - Cyberangriff. Infos www.stadtwerke.example', segments: 2 }
  social: { text: { de: 'Cyberangriff bei den Stadtwerken. Infos: https://www.stadtwerke.example' } }
  banner: { text: 'Cyberangriff bei den Stadtwerken. Infos: https://www.stadtwerke.example' }
  phone: { text: Sie hören eine Ansage der Stadtwerke Musterstadt. Es gab einen Cyberangriff. }
email:
  subject: IT-Störung
  from: { name: Stadtwerke, email: info@stadtwerke.example }
  reply_to: { name: Hotline, email: hotline@stadtwerke.example }
  salutation: Sehr geehrte Damen und Herren,
  signature: Ihre Stadtwerke
  recipients:
    - { name: Stadt Musterstadt, email: it@musterstadt.example, salutation: Hallo, answer: Nicht betroffen., when: { status: [attack], phase: [investigating] }, as_of: 2026-12-02, cc: [leitung@musterstadt.example], bcc: [archiv@musterstadt.example] }
data_protection:
  breach: confirmed
  categories: [Namen, { de: Anschriften }]
  consequences: Täuschung ist möglich.
  measures: Systeme getrennt.
  advice: Passwörter ändern.
  dpo: { name: Datenschutz, email: ds@stadtwerke.example, phone: '+49 1', address: Markt 1 }
  authority: { name: Landesbeauftragte, notified: 2026-12-02 }
  reference: DS-1
report: { cause: Ein Passwort., findings: Nichts kopiert., lessons: Zwei Faktoren., next_steps: Üben. }
publish:
  base_url: https://status.stadtwerke.example/
`;

const WITH_AFFECTED = FULL.replace(/^services:\n(?: {2}.*\n)+/m, '').replace(
  '  measures: [shutdown, experts]\n',
  '  measures: [shutdown, experts]\n  affected: [Kundenportal, { de: Abrechnung }]\n',
);

/** FULL with `customers` instead of email.recipients (a file may not have both). */
const WITH_CUSTOMERS = `${FULL.replace(/^ {2}recipients:\n(?: {4}.*\n)+/m, '')}customers:
  - name: Stadt Musterstadt
    short_name: Musterstadt
    grammar: { gender: feminine, genitive: Stadt Musterstadt, forms: { nom: die Stadt Musterstadt, gen: der Stadt Musterstadt, dat: der Stadt Musterstadt, acc: die Stadt Musterstadt } }
    email: it@musterstadt.example
    cc: [leitung@musterstadt.example]
    bcc: [archiv@musterstadt.example]
    salutation: Hallo
    answer: Nicht betroffen.
    website: https://www.musterstadt.example
    contact: { phone: '+49 123 4', hours: { de: Mo–Fr } }
    services: [Kfz-Zulassung, { name: Bürgerbüro, note: { de: Nur Nord. } }]
`;

/** Every string of a parsed document, with its key path. */
function leaves(value, path = []) {
  if (typeof value === 'string') return [path];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      leaves(v, [...path, Array.isArray(value) ? Number(k) : k]),
    );
  return [];
}

/** Every string-valued key of the JSON Schema, lists as `[]` (`questions.[].answer.de`). */
function schemaStrings(node, path = [], out = new Set()) {
  if (!node || typeof node !== 'object') return out;
  const types = [node.type].flat();
  if (types.includes('string') || node.enum?.every((e) => typeof e === 'string'))
    out.add(path.join('.'));
  for (const [k, child] of Object.entries(node.properties ?? {}))
    schemaStrings(child, [...path, k], out);
  if (node.items) schemaStrings(node.items, [...path, '[]'], out);
  for (const branch of node.anyOf ?? []) schemaStrings(branch, path, out);
  return out;
}

/** `questions.[].answer`: list items as `[]`, and a text the same whichever language it is in. */
const generic = (path) =>
  path
    .map((p) => (typeof p === 'number' ? '[]' : p))
    .join('.')
    .replace(/\.(de|en)$/, '');

test('the test file below has every string field of the schema', async () => {
  const covered = new Set();
  for (const text of [FULL, WITH_AFFECTED, WITH_CUSTOMERS]) {
    const checked = await checkIncident('every-field.yaml', { source: Buffer.from(text) });
    assert.deepEqual(checked.diagnostics, []);
    for (const path of leaves(YAML.parse(text))) covered.add(generic(path));
  }
  const fields = [...schemaStrings(buildIncidentJsonSchema())].map((p) =>
    p.replace(/\.(de|en)$/, ''),
  );
  const missing = fields.filter((p) => !covered.has(p));
  assert.deepEqual(missing, []);
});

for (const [label, char, written] of [
  ['an escape sequence', '\u001b', ['\\e']],
  ['a C1 control (CSI)', '\u009b', ['\u009b', '\\x9B', '\\x9b']],
  ['a right-to-left override', '\u202e', ['\u202e']],
  ['a zero-width space', '\u200b', ['\u200b']],
  ['a tag character', '\u{e0041}', ['\u{e0041}']],
]) {
  test(`every string field refuses ${label}, at the character's line and column`, async () => {
    const wrong = [];
    const cases = [
      ...leaves(YAML.parse(FULL)).map((path) => [FULL, path]),
      ...leaves(YAML.parse(WITH_AFFECTED))
        .filter((path) => path[1] === 'affected')
        .map((path) => [WITH_AFFECTED, path]),
      ...leaves(YAML.parse(WITH_CUSTOMERS))
        .filter((path) => path[0] === 'customers')
        .map((path) => [WITH_CUSTOMERS, path]),
    ];
    // Each text parsed once; the fields get the character CHUNK at a time (each problem is
    // reported at its own field; fewer than MAX_DIAGNOSTICS, so none is left unshown), and their
    // values are put back.
    const CHUNK = 25;
    const byText = new Map();
    for (const [text, path] of cases) byText.set(text, [...(byText.get(text) ?? []), path]);
    for (const [text, ofText] of byText) {
      const doc = YAML.parseDocument(text);
      for (let i = 0; i < ofText.length; i += CHUNK) {
        const paths = ofText.slice(i, i + CHUNK);
        const values = paths.map((path) => doc.getIn(path));
        // On a scalar, setIn changes the node's value in place (its style stays).
        paths.forEach((path, n) =>
          doc.setIn(path, `${values[n].slice(0, 2)}${char}${values[n].slice(2)}`),
        );
        const source = doc.toString();
        paths.forEach((path, n) => doc.setIn(path, values[n]));
        const { diagnostics } = await checkIncident('every-field.yaml', {
          source: Buffer.from(source),
        });
        assert.ok(diagnostics.length < MAX_DIAGNOSTICS, `${diagnostics.length} diagnostics`);
        for (const path of paths) {
          const hit = diagnostics.find(
            (d) =>
              d.path === path.join('.') && /contains (a control|the invisible)/.test(d.message),
          );
          if (!hit) {
            wrong.push(`${path.join('.')}: ${JSON.stringify(diagnostics.map((d) => d.message))}`);
            continue;
          }
          const at = source.split('\n')[hit.line - 1].slice(hit.col - 1);
          if (!written.some((w) => at.startsWith(w)))
            wrong.push(`${path.join('.')}: ${hit.line}:${hit.col} points at ${JSON.stringify(at)}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
}

test('a joiner where no script needs it is refused with a position and a hint', async () => {
  const source = FULL.replace('name: Stadtwerke Musterstadt', 'name: Stadt\u200dwerke');
  const { diagnostics } = await checkIncident('x.yaml', { source: Buffer.from(source) });
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [d] = diagnostics;
  assert.equal(`${d.line}:${d.col} ${d.path}`, '5:14 organization.name');
  assert.match(d.message, /zero-width joiner \(U\+200D\) where no script needs one/);
  assert.match(d.hint, /Arabic or Indic letters and inside emoji sequences/);
});

test('a website with a user name before "@" is refused, at the "@", with a hint', async () => {
  const source = FULL.replace(
    'website: https://www.stadtwerke.example',
    'website: https://evil.example@good.example/',
  );
  const { diagnostics } = await checkIncident('x.yaml', { source: Buffer.from(source) });
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [d] = diagnostics;
  assert.equal(`${d.line}:${d.col} ${d.path}`, '8:32 organization.website');
  assert.match(d.message, /must not name a user before "@"/);
  assert.match(d.hint, /write only the address/);
});

test('a Markdown link with a user name before the host is refused at the link', async () => {
  const source = FULL.replace(
    'about: Die Stadtwerke versorgen die Stadt.',
    'about: Siehe [Portal](https://portal.example:x@evil.example/login).',
  );
  const { diagnostics } = await checkIncident('x.yaml', { source: Buffer.from(source) });
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [d] = diagnostics;
  assert.equal(`${d.line}:${d.col} ${d.path}`, '6:25 organization.about');
  assert.match(d.message, /it names a user before "@"/);
  const ok = FULL.replace(
    'about: Die Stadtwerke versorgen die Stadt.',
    'about: "[Mail](mailto:presse@stadtwerke.example), [Seite](https://x.example/a@b)"',
  );
  assert.deepEqual((await checkIncident('x.yaml', { source: Buffer.from(ok) })).diagnostics, []);
});
