// Each field is declared once, in the zod schema, with its kind. These tests walk the schema and
// prove that what is derived from the kinds reaches every field of that kind — also inside lists
// and records — so that a new field cannot be forgotten by a hand-kept list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextEncoder } from 'node:util';
import { stringify } from 'yaml';
import { z } from 'zod';
import { checkIncident } from '../../lib/api.js';
import { parseDates } from '../../lib/incident/date-rules.js';
import { date, FIELD_KINDS, localizedMarkdown, text } from '../../lib/incident/fields.js';
import { IncidentSchema } from '../../lib/incident/schema.js';
import { listFields, visitFields } from '../../lib/incident/walk.js';
import { buildViewModel } from '../../lib/view/model.js';
import { showIncident, showRecipient } from '../../lib/view/values.js';

const FIELDS = listFields(IncidentSchema);
const ofKind = (kind) => FIELDS.filter((f) => f.kind === kind);

/**
 * A file with every optional field set and one item in every list — except `incident.affected`,
 * which may not stand beside `services` (withValue swaps the one for the other).
 */
const FULL = {
  id: 'full',
  lang: 'de',
  updated: '2026-11-26T15:00',
  approval: { by: 'Presse', at: '2026-11-26T15:00' },
  organization: {
    name: 'Org',
    short_name: 'Org',
    about: 'Über uns.',
    city: 'Aachen',
    website: 'https://www.example.org',
    timezone: 'Europe/Berlin',
    contact: { name: 'Presse', email: 'presse@example.org', phone: '+49 1' },
    grammar: {
      gender: 'none',
      forms: { nom: 'Org', gen: 'von Org', dat: 'Org', acc: 'Org' },
    },
  },
  incident: {
    status: 'attack',
    phase: 'investigating',
    detected: '2026-11-24',
    crisis_team: '2026-11-24',
    findings_expected: '2026-11-28',
    confirmed: '2026-11-25',
    measures: ['shutdown'],
    custom_measures: [{ title: 'Notbetrieb', text: 'Wir arbeiten im Notbetrieb.' }],
  },
  updates: [{ at: '2026-11-25T18:00', text: 'Neu.', status: 'attack', phase: 'investigating' }],
  services: [{ name: 'Kfz', state: 'limited', since: '2026-11-25', note: 'Nur mit Termin.' }],
  contacts: {
    hotline: { phone: '+49 2', hours: 'Mo–Fr' },
    email_unreachable_since: '2026-11-24',
    alternatives: 'Per Post.',
  },
  options: { cancel_appointments: true },
  questions: [
    {
      question: 'Frage?',
      answer: 'Antwort.',
      when: { status: ['attack'], phase: ['investigating'] },
      as_of: '2026-11-26',
    },
  ],
  press: { headline: 'Schlagzeile' },
  leicht: {
    about: 'Wir helfen.',
    questions: [{ question: 'Was ist los?', answer: 'Wir arbeiten.' }],
    names: [
      { name: 'Kfz', leicht: 'Auto-Anmeldung' },
      { name: 'Mo–Fr', leicht: 'Montag bis Freitag' },
    ],
    checked_by: 'Prüf-Gruppe',
  },
  notices: {
    sms: { text: 'Org: Cyberangriff. Infos: https://www.example.org', segments: 2 },
    social: { text: 'Org: Cyberangriff. Infos: https://www.example.org' },
    banner: { text: 'Org: Cyberangriff. Infos: https://www.example.org' },
    phone: { text: 'Sie hören eine Ansage der Org.' },
  },
  email: {
    subject: 'Betreff',
    from: { name: 'Absender', email: 'info@example.org' },
    reply_to: { name: 'Hotline', email: 'hotline@example.org' },
    salutation: 'Hallo,',
    signature: 'Gruß',
    recipients: [
      {
        name: 'Stadt',
        email: 'it@example.org',
        salutation: 'Hallo,',
        answer: 'Ja.',
        when: { phase: ['investigating'] },
        as_of: '2026-11-26',
        cc: ['chef@example.org'],
        bcc: ['archiv@example.org'],
      },
    ],
  },
  data_protection: {
    breach: 'confirmed',
    categories: ['Namen'],
    consequences: 'Täuschung.',
    measures: 'Getrennt.',
    advice: 'Passwort ändern.',
    dpo: { name: 'DSB', email: 'dsb@example.org', phone: '+49 3', address: 'Markt 1' },
    authority: { name: 'LDI', notified: '2026-11-25' },
    reference: 'DS-1',
  },
  report: { cause: 'Ursache.', findings: 'Befund.', lessons: 'Lehre.', next_steps: 'Schritte.' },
};

/** A customer with every field set: `withValue` puts it in place of email.recipients (not both). */
const CUSTOMER = {
  name: 'Stadt',
  grammar: {
    gender: 'none',
    forms: { nom: 'Stadt', gen: 'von Stadt', dat: 'Stadt', acc: 'Stadt' },
  },
  email: 'it@example.org',
  salutation: 'Hallo,',
  answer: 'Ja.',
  website: 'https://www.stadt.example',
  contact: { phone: '+49 3', hours: 'Mo–Fr' },
  services: [{ name: 'Kfz', note: 'Nur Nord.' }],
};

/** The concrete key path of a schema path: the first item of a list, key `k` of a record. */
const concrete = (path) => path.map((p) => (p === '[]' ? 0 : p === '{}' ? 'k' : p));

function withValue(path, value) {
  const data = JSON.parse(JSON.stringify(FULL));
  const keys = concrete(path);
  if (keys[0] === 'incident' && keys[1] === 'affected') {
    delete data.services;
    data.incident.affected = ['Portal'];
  }
  if (keys[0] === 'customers') {
    delete data.email.recipients;
    data.customers = [JSON.parse(JSON.stringify(CUSTOMER))];
    // A customer's service is named as in services.
    if (keys.join('.') === 'customers.0.services.0.name') data.services[0].name = value;
  }
  let node = data;
  for (const key of keys.slice(0, -1)) node = node[key];
  node[keys.at(-1)] = value;
  return data;
}

const check = (data) =>
  checkIncident('incident.yaml', { source: new TextEncoder().encode(stringify(data)) });

test('every field of the incident schema is a group or has a kind, and every kind is used', () => {
  const unknown = FIELDS.filter((f) => !f.group && !f.kind).map((f) => f.path.join('.'));
  assert.deepEqual(unknown, []);
  const used = new Set(FIELDS.map((f) => f.kind).filter(Boolean));
  assert.deepEqual([...used].sort(), Object.keys(FIELD_KINDS).sort());
  // The kinds the walks act on exist inside lists too, so the tests below cover lists.
  for (const kind of ['localized-text', 'localized-markdown'])
    assert.ok(
      ofKind(kind).some((f) => f.path.includes('[]')),
      kind,
    );
});

test('the full file is valid, so every check below fails for its one change only', async () => {
  const result = await check(FULL);
  assert.deepEqual(result.diagnostics, []);
});

test('every date field is parsed: an impossible date is reported at its path', async () => {
  assert.ok(ofKind('date').length >= 4);
  for (const field of ofKind('date')) {
    const path = concrete(field.path).join('.');
    const parsed = await check(withValue(field.path, '2026-02-30'));
    assert.ok(
      parsed.diagnostics.some((d) => d.path === path && d.message.includes('2026-02-30')),
      `${path}: ${JSON.stringify(parsed.diagnostics)}`,
    );
    // Also when the schema fails elsewhere (the rules do not run then).
    const raw = await check({ ...withValue(field.path, '2026-02-30'), unknown_key: 1 });
    assert.ok(
      raw.diagnostics.some((d) => d.path === path && d.message.includes('2026-02-30')),
      `${path} (schema failed): ${JSON.stringify(raw.diagnostics)}`,
    );
  }
});

test('every localized field must have the rendered languages', async () => {
  const localized = [...ofKind('localized-text'), ...ofKind('localized-markdown')];
  assert.ok(localized.length >= 10);
  for (const field of localized) {
    const path = concrete(field.path).join('.');
    const result = await check(withValue(field.path, { en: 'English only' }));
    assert.ok(
      result.diagnostics.some((d) => d.path === path && d.message.includes("has no 'de' text")),
      `${path}: ${JSON.stringify(result.diagnostics)}`,
    );
  }
});

test('every Markdown field has its links checked', async () => {
  for (const field of ofKind('localized-markdown')) {
    const path = concrete(field.path).join('.');
    const result = await check(withValue(field.path, 'Siehe [hier](javascript:alert(1)).'));
    assert.ok(
      result.diagnostics.some((d) => d.path === path && d.message.includes('javascript:')),
      `${path}: ${JSON.stringify(result.diagnostics)}`,
    );
  }
});

/** The value a template sees at a field's path. */
function shown(incident, field) {
  const keys = concrete(field.path);
  const recipient = keys[0] === 'email' && keys[1] === 'recipients';
  let node = recipient
    ? showRecipient(incident.email.recipients[0], 'de', 'de')
    : showIncident(incident, 'de');
  for (const key of recipient ? keys.slice(3) : keys) node = node[key];
  return node;
}

test('every text reaches the templates escaped, every Markdown made safe, every date formatted', async () => {
  const cases = [
    ['text', 'a*b', 'a\\*b'],
    ['localized-text', 'a*b', 'a\\*b'],
    ['localized-markdown', 'a <b>x</b>', 'a &lt;b>x&lt;/b>'],
  ];
  for (const [kind, value, expected] of cases) {
    for (const field of ofKind(kind)) {
      const { incident } = await check(withValue(field.path, value));
      assert.ok(incident, field.path.join('.'));
      assert.equal(shown(incident, field), expected, field.path.join('.'));
    }
  }
  const { incident } = await check(FULL);
  for (const field of ofKind('date'))
    assert.match(shown(incident, field).iso, /^2026-11-2\d/, field.path.join('.'));
});

test('the walks reach a date inside a list and Markdown inside a record of a new schema', () => {
  const Schema = z.strictObject({
    title: text,
    log: z.array(z.strictObject({ at: date('When.'), note: text.optional() })).optional(),
    notes: z.record(z.string(), localizedMarkdown('A note.')).optional(),
  });
  const fields = listFields(Schema).filter((f) => f.kind);
  assert.deepEqual(
    fields.map((f) => [f.path.join('.'), f.kind]),
    [
      ['title', 'text'],
      ['log.[].at', 'date'],
      ['log.[].note', 'text'],
      ['notes.{}', 'localized-markdown'],
    ],
  );
  const data = {
    title: 'T',
    log: [{ at: '2026-11-24' }, { at: '2026-02-30', note: 'n' }],
    notes: { a: 'x', b: 'y' },
  };
  const reported = [];
  const parsed = parseDates(data, 'Europe/Berlin', (path) => reported.push(path), Schema);
  assert.deepEqual(reported, [['log', 1, 'at']]);
  assert.equal(parsed.log[0].at.day, 24);
  assert.equal(parsed.log[1].at, undefined);
  const markdown = [];
  visitFields(Schema, data, ['localized-markdown'], (_, path) => markdown.push(path.join('.')));
  assert.deepEqual(markdown, ['notes.a', 'notes.b']);
});

test('the view model places the escaped values, also the sender name it once passed raw', async () => {
  const data = withValue(['email', 'from', 'name'], 'a*b <i>');
  data.organization.city = 'c_d';
  data.email.recipients[0].name = '[x]';
  const { incident } = await check(data);
  const view = buildViewModel(incident, 'de', incident.email.recipients[0]);
  assert.equal(view.email.from.name, 'a\\*b \\<i\\>');
  assert.equal(view.org.city, 'c\\_d');
  assert.equal(view.recipient.name, '\\[x\\]');
  assert.equal(view.incident.findingsExpected.iso, '2026-11-28');
  // A mail merge shows the incident once per language; each recipient's view is its own.
  const other = buildViewModel(incident, 'de', { ...incident.email.recipients[0], name: 'y' });
  assert.equal(other.questions, view.questions);
  assert.equal(other.recipient.name, 'y');
});
