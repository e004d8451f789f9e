// A text that no selected variant shows need not be translated (issue 13, §3.1): each variant
// names in variants.json the key paths it `omits`, and the built-in templates keep to them.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { checkIncident, renderFiles } from '../../lib/api.js';
import { FORMATS } from '../../lib/formats/registry.js';
import { readVariants } from '../../lib/render/variants.js';
import { TemplateStore } from '../../lib/render/templates.js';
import { EXAMPLE, overlay, runInProcess, tempDir } from '../helpers.js';

const example = readFileSync(EXAMPLE, 'utf8');

/** The example with a German-only e-mail salutation (and a German-only question). */
function germanOnlyFile(t, { question = true } = {}) {
  const doc = parseDocument(example);
  doc.setIn(['email', 'salutation'], 'Sehr geehrte Damen und Herren,');
  if (question)
    doc.setIn(['questions', 1], { question: 'Wo bekomme ich Hilfe?', answer: 'Bei der Hotline.' });
  const file = join(tempDir(t), 'german-only.yaml');
  writeFileSync(file, String(doc));
  return file;
}

test('--lang en --variant faq renders although the e-mail salutation has no English text', async (t) => {
  const salutationOnly = germanOnlyFile(t, { question: false });
  const ok = await runInProcess([
    'render',
    salutationOnly,
    '--lang',
    'en',
    '--variant',
    'faq',
    '--format',
    'txt',
    '--stdout',
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^Frequently asked questions/);
  const file = germanOnlyFile(t);
  const faq = await runInProcess([
    'render',
    file,
    '--lang',
    'en',
    '--variant',
    'faq',
    '--format',
    'txt',
    '--stdout',
  ]);
  // The FAQ shows the questions: the German-only one is still missing in English.
  assert.equal(faq.code, 1);
  assert.match(faq.stderr, /questions\.1\.question has no 'en' text/);
  assert.doesNotMatch(faq.stderr, /email\.salutation/);
  const press = await runInProcess([
    'render',
    file,
    '--lang',
    'en',
    '--variant',
    'press',
    '--format',
    'txt',
    '--stdout',
  ]);
  assert.equal(press.code, 0, press.stderr);
  assert.match(press.stdout, /^IT disruption at regio iT/);
  const email = await runInProcess([
    'render',
    file,
    '--lang',
    'en',
    '--variant',
    'email',
    '--format',
    'txt',
    '--stdout',
  ]);
  assert.equal(email.code, 1);
  assert.match(email.stderr, /:\d+:\d+: error: email\.salutation has no 'en' text/);
  assert.doesNotMatch(email.stderr, /questions/, 'the e-mail omits the questions');
});

test('without a selection every text needs the language, as before', async (t) => {
  const file = germanOnlyFile(t);
  const { diagnostics } = await checkIncident(file, { languages: ['en'] });
  assert.deepEqual(diagnostics.map((d) => d.path).sort(), [
    'email.salutation',
    'questions.1.answer',
    'questions.1.question',
  ]);
});

/** A value for each path a built-in variant omits, with MARK in every text it has. */
const MARK = 'Zzomitted';
const MARKED = {
  'organization.city': MARK,
  'organization.about': { de: MARK, en: MARK },
  'organization.contact': { name: MARK, phone: `+49 1 ${MARK}`, email: 'zz@example.org' },
  questions: [{ question: MARK, answer: MARK }],
  press: { headline: MARK },
  leicht: {
    about: MARK,
    questions: [{ question: MARK, answer: MARK }],
    names: [{ name: 'regio iT', leicht: MARK }],
    checked_by: MARK,
  },
  'incident.custom_measures': [{ title: MARK, text: MARK }],
  updates: [{ at: '2026-11-25', text: MARK }],
  notices: { sms: { text: MARK }, social: { text: MARK }, banner: { text: MARK } },
  'notices.sms': { text: MARK },
  'notices.social': { text: MARK },
  'notices.banner': { text: MARK },
  'notices.phone': { text: MARK },
  email: {
    subject: MARK,
    salutation: MARK,
    signature: MARK,
    recipients: [{ name: MARK, salutation: MARK, answer: MARK }],
  },
  // A file has customers or email.recipients: with customers omitted, the recipients go.
  customers: [
    {
      name: MARK,
      salutation: MARK,
      answer: MARK,
      website: 'https://zzomitted.example',
      contact: { phone: `+49 2 ${MARK}`, hours: MARK },
    },
  ],
  'contacts.alternatives': MARK,
  data_protection: {
    breach: 'confirmed',
    categories: [MARK],
    consequences: MARK,
    measures: MARK,
    dpo: { name: MARK, email: 'zz@example.org' },
  },
  report: { cause: MARK, findings: MARK, lessons: MARK, next_steps: MARK },
  // What the feeds and status.json omit (issue 15).
  services: [{ name: MARK, state: 'limited', note: MARK }],
  contacts: { hotline: { phone: `+49 1 ${MARK}`, hours: MARK }, alternatives: MARK },
  'services.note': [
    { name: { de: 'Kfz-Zulassung', en: 'Vehicle registration' }, state: 'limited', note: MARK },
  ],
};

/** What a variant with `when` needs of the example to exist (variants.json `when`). */
const NEEDED = {
  data_protection: {
    breach: 'confirmed',
    categories: [{ de: 'Namen', en: 'Names' }],
    consequences: { de: 'Folgen.', en: 'Consequences.' },
    measures: { de: 'Maßnahmen.', en: 'Measures.' },
    dpo: { name: 'DSB', email: 'dsb@example.org' },
  },
};

function enable(doc, when = {}) {
  if (when.has) doc.setIn(when.has.split('.'), NEEDED[when.has]);
  if (when.status) doc.setIn(['incident', 'status'], when.status[0]);
  if (when.phase) doc.setIn(['incident', 'phase'], when.phase[0]);
}

/**
 * Sets the marked value of `path`: a note needs its service, services replace `affected`, and a
 * file has customers or email.recipients (with customers omitted, the recipients go).
 */
function markPath(doc, path, withCustomers) {
  const at = path === 'services.note' ? ['services'] : path.split('.');
  // A file has customers or email.recipients, not both.
  const value =
    path === 'email' && withCustomers ? { ...MARKED.email, recipients: [] } : MARKED[path];
  doc.setIn(at, value);
  if (at[0] === 'services') doc.deleteIn(['incident', 'affected']);
}

test('no built-in variant shows anything it omits, in any language or format', async (t) => {
  const variants = readVariants(new TemplateStore());
  const dir = tempDir(t);
  for (const [name, config] of Object.entries(variants)) {
    assert.ok(config.omits?.length > 0, `${name} omits something`);
    const doc = parseDocument(example);
    enable(doc, config.when);
    for (const path of config.omits) {
      assert.ok(path in MARKED, `the test has a marked value for ${path}`);
      markPath(doc, path, config.omits.includes('customers') || config.perCustomer);
    }
    // A customer's notice needs a customer that uses a service.
    if (config.perCustomer) {
      doc.deleteIn(['incident', 'affected']);
      const service = { name: { de: 'Kfz-Zulassung', en: 'Vehicles' }, state: 'down' };
      doc.setIn(['services'], doc.createNode([service]));
      const customer = { name: 'Stadt Test', services: ['Kfz-Zulassung'] };
      doc.setIn(['customers'], doc.createNode([customer]));
    }
    const file = join(dir, `${name}-marked.yaml`);
    writeFileSync(file, String(doc));
    const { artifacts } = await renderFiles({
      files: [file],
      variants: [name],
      langs: ['de', 'en'],
      dryRun: true,
    });
    // Each format in each language it is written in (leicht: German only); status.json once.
    const langs = config.perLanguage === false ? 1 : (config.langs?.length ?? 2);
    const expected = config.formats.filter((f) => !FORMATS[f].optIn).length * langs;
    assert.ok(artifacts.length >= expected, `${name}: ${artifacts.length} artifacts`);
    for (const a of artifacts)
      assert.doesNotMatch(Buffer.from(a.content).toString(), new RegExp(MARK, 'i'), a.path);
  }
});

test('variants.json refuses an omitted path that is not a key path of the incident file', async (t) => {
  const dir = overlay(t, {
    'variants.json': JSON.stringify({ faq: { formats: ['md'], omits: ['quesitons'] } }),
  });
  const r = await runInProcess(['render', EXAMPLE, '--templates', dir, '--stdout']);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /variant "faq" omits "quesitons", which is no key path .*did you mean `questions`\?/,
  );
});

test('a mail merge in a language that an omitted text lacks renders every recipient', async (t) => {
  const doc = parseDocument(example);
  doc.setIn(['organization', 'about'], 'Die regio iT ist ein kommunaler IT-Dienstleister.');
  doc.setIn(
    ['email', 'recipients'],
    [
      { name: 'Stadt A', email: 'a@example.org' },
      { name: 'Stadt B', email: 'b@example.org' },
      { name: 'Stadt C', email: 'c@example.org' },
    ],
  );
  const file = join(tempDir(t), 'merge.yaml');
  writeFileSync(file, String(doc));
  const { artifacts } = await renderFiles({
    files: [file],
    variants: ['email'],
    langs: ['en'],
    dryRun: true,
  });
  assert.equal(artifacts.length, 3 * 4);
  await assert.rejects(
    renderFiles({ files: [file], variants: ['faq'], langs: ['en'], dryRun: true }),
    /organization\.about has no 'en' text/,
  );
});
