// Every place a template names the organisation uses the right case form (issue 13 §2): a name
// with an adjective, in each gender, through every status × phase and every variant.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderFiles } from '../../lib/api.js';
import { InputError } from '../../lib/shared.js';
import { LEFTOVER, tempDir } from '../helpers.js';

const GENDERS = {
  feminine: {
    name: 'Kommunale Datenverarbeitung Oldenburg',
    core: /Kommunal\p{L}* Datenverarbeitung Oldenburg/gu,
    forms: ['die Kommunale', 'der Kommunalen', 'der Kommunalen', 'die Kommunale'],
    rest: 'Datenverarbeitung Oldenburg',
  },
  masculine: {
    name: 'Städtischer Eigenbetrieb IT',
    core: /Städtisch\p{L}* Eigenbetrieb\p{L}* IT/gu,
    forms: ['der Städtische', 'des Städtischen', 'dem Städtischen', 'den Städtischen'],
    rest: ['Eigenbetrieb IT', 'Eigenbetriebs IT', 'Eigenbetrieb IT', 'Eigenbetrieb IT'],
  },
  neuter: {
    name: 'Kommunales Rechenzentrum Niederrhein',
    core: /Kommunal\p{L}* Rechenzentrum\p{L}* Niederrhein/gu,
    forms: ['das Kommunale', 'des Kommunalen', 'dem Kommunalen', 'das Kommunale'],
    rest: [
      'Rechenzentrum Niederrhein',
      'Rechenzentrums Niederrhein',
      'Rechenzentrum Niederrhein',
      'Rechenzentrum Niederrhein',
    ],
  },
  plural: {
    name: 'Städtische Betriebe Musterstadt',
    core: /Städtisch\p{L}* Betrieb\p{L}* Musterstadt/gu,
    forms: ['die Städtischen', 'der Städtischen', 'den Städtischen', 'die Städtischen'],
    rest: [
      'Betriebe Musterstadt',
      'Betriebe Musterstadt',
      'Betrieben Musterstadt',
      'Betriebe Musterstadt',
    ],
  },
  none: {
    name: 'Regionale IT',
    core: /Regional\p{L}* IT/gu,
    forms: ['Regionale', 'von Regionale', 'Regionale', 'Regionale'],
    rest: 'IT',
  },
};
const CASES = ['nom', 'gen', 'dat', 'acc'];
const ARTICLE = /(?:^|\s)(der|die|das|des|dem|den|Der|Die|Das|Des|Dem|Den|von|the|The)\s$/;

/** The four forms of a test name: { nom, gen, dat, acc }. */
function formsOf({ forms, rest }) {
  return Object.fromEntries(
    CASES.map((c, i) => [c, `${forms[i]} ${Array.isArray(rest) ? rest[i] : rest}`]),
  );
}

function incidentFile(gender, status, phase, withForms = true, kind = 'provider') {
  const { name } = GENDERS[gender];
  const forms = formsOf(GENDERS[gender]);
  const grammar = withForms
    ? `{ gender: ${gender}, forms: { ${CASES.map((c) => `${c}: ${forms[c]}`).join(', ')} } }`
    : `{ gender: ${gender} }`;
  return `id: ${gender}-${status}-${phase}
updated: 2026-11-26T15:00
organization:
  name: ${name}
  kind: ${kind}
  grammar: ${grammar}
  about: { de: Wir betreiben IT für Kommunen., en: We run IT for municipalities. }
  city: Oldenburg
  website: https://www.example.org
  contact: { name: Pressestelle, email: presse@example.org, phone: '+49 441 555-0' }
incident:
  status: ${status}
  phase: ${phase}
  detected: 2026-11-24
  findings_expected: 2026-11-28
  affected: [{ de: Bürgerportal, en: Citizen portal }]
options:
  cancel_appointments: false
questions:
  - question: { de: Sind Daten betroffen?, en: Is data affected? }
    answer: { de: Nein., en: No. }
email:
  salutation: { de: Guten Tag, en: Hello }
`;
}

async function renderAll(t, files) {
  const outcome = await renderFiles({
    files,
    dryRun: true,
    formats: ['md', 'txt'],
    langs: ['de', 'en'],
  });
  return outcome.artifacts.map((a) => ({
    path: a.path,
    text: Buffer.from(a.content).toString('utf8').replace(/\s+/g, ' '),
  }));
}

/** Every place the name stands in an artifact: with the article or word before it. */
function occurrences(text, core) {
  return [...text.matchAll(core)].map((m) => {
    const before = ARTICLE.exec(text.slice(Math.max(0, m.index - 6), m.index));
    return before ? `${before[1]} ${m[0]}` : m[0];
  });
}

const STATUSES = ['unknown', 'attack', 'malfunction'];
const PHASES = ['investigating', 'recovering', 'resolved'];

for (const [gender, spec] of Object.entries(GENDERS)) {
  test(`${gender}, with an adjective: every variant, status and phase uses the right forms`, async (t) => {
    const dir = tempDir(t);
    const files = [];
    for (const status of STATUSES)
      for (const phase of PHASES) {
        // Every other file speaks as an administration (a city or county): other sentences.
        const kind = files.length % 2 ? 'administration' : 'provider';
        const file = join(dir, `${gender}-${status}-${phase}.yaml`);
        writeFileSync(file, incidentFile(gender, status, phase, true, kind));
        files.push(file);
      }
    const artifacts = await renderAll(t, files);
    const forms = formsOf(spec);
    const Nom = gender === 'none' ? forms.nom : forms.nom[0].toUpperCase() + forms.nom.slice(1);
    const right = new Set([...Object.values(forms), Nom, spec.name]);
    const seen = new Set();
    // faq, press, email for every file; the final report (report) for the three resolved ones;
    // the short notices' text (sms, social, banner, phone).
    assert.equal(artifacts.length, 9 * 3 * 2 * 2 + 3 * 2 * 2 + 9 * 4 * 2);
    for (const { path, text } of artifacts) {
      assert.doesNotMatch(text, LEFTOVER, path);
      const found = occurrences(text, spec.core);
      assert.ok(found.length > 0, `${path} names the organisation`);
      for (const phrase of found) {
        // English uses the name as written, German one of the four forms (or the bare name
        // where it is a label: subject, signature, contact).
        if (path.includes('.en.')) assert.equal(phrase, spec.name, `${path}: "${phrase}"`);
        else assert.ok(right.has(phrase), `${path}: "${phrase}" is not one of ${[...right]}`);
        seen.add(phrase);
      }
      if (!path.includes('.de.')) continue;
      // The two sentences of the trial.
      if (path.includes('/faq.'))
        assert.ok(text.includes(`Wer ${gender === 'plural' ? 'sind' : 'ist'} ${forms.nom}?`), path);
      if (path.includes('/press.') && path.includes('-unknown-'))
        assert.ok(text.includes(`IT-Störung ${forms.gen}`), path);
    }
    // Templates use the nominative (also at a sentence start), the genitive and the accusative.
    for (const form of [forms.nom, Nom, forms.gen, forms.acc]) assert.ok(seen.has(form), form);
  });
}

test('without forms, a name with an adjective is refused in every gender: nothing is rendered', async (t) => {
  const dir = tempDir(t);
  const files = Object.keys(GENDERS).map((gender) => {
    const file = join(dir, `${gender}.yaml`);
    writeFileSync(file, incidentFile(gender, 'attack', 'recovering', false));
    return file;
  });
  await assert.rejects(renderFiles({ files, dryRun: true, formats: ['md'] }), (error) => {
    assert.ok(error instanceof InputError);
    const refused = error.diagnostics.filter((d) => d.path === 'organization.name');
    assert.equal(refused.length, files.length, JSON.stringify(error.diagnostics));
    for (const d of refused) assert.match(d.hint, /forms: \{ nom: /);
    return true;
  });
});
