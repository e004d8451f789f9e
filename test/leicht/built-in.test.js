// The built-in text of the page in Leichte Sprache (templates/de/leicht.md.hbs): in every status ×
// phase × organisation kind and with several shapes of data, no sentence breaks a rule of
// src/lang/leicht-rules.ts. A finding here is a bug of the template.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIncident } from '../../lib/api.js';
import { checkLeichtText } from '../../lib/lang/leicht-rules.js';
import { UNCHECKED } from '../../lib/render/leicht-check.js';
import { renderIncident } from '../../lib/render/render.js';
import { TemplateEngine } from '../../lib/render/engine.js';
import { TemplateStore } from '../../lib/render/templates.js';
import { LEFTOVER } from '../helpers.js';

const STATUSES = ['unknown', 'attack', 'malfunction'];
const PHASES = ['investigating', 'recovering', 'resolved'];
const ALL_MEASURES = [
  'shutdown',
  'crisis_team',
  'experts',
  'forensics',
  'police',
  'data_protection_authority',
  'bsi',
];

/** Data shapes: everything the page can show, and next to nothing. */
const SHAPES = {
  full: `
  crisis_team: 2026-11-24T11:00
  findings_expected: 2026-11-28
  measures: [${ALL_MEASURES.join(', ')}]
services:
  - { name: Auto-Anmeldung, state: down, since: 2026-11-24 }
  - { name: Bürger-Büro, state: limited, since: 2026-11-25T08:00 }
  - { name: Bibliothek, state: restored }
contacts:
  hotline: { phone: '+49 6021 330-0', hours: 'Montag bis Freitag von 8 bis 16 Uhr' }
  email_unreachable_since: 2026-11-24
options:
  cancel_appointments: true
leicht:
  checked_by: Prüf-Gruppe von der Lebenshilfe
`,
  bare: `
  findings_expected: 2026-11-28
  measures: []
contacts:
  email_unreachable_since: 2026-11-24
`,
  someMeasures: `
  findings_expected: 2026-11-28
  measures: [crisis_team, forensics, police, bsi]
  affected: [Termin-Vergabe im Internet, Bürger-Büro]
contacts:
  hotline: { phone: '0800 123456' }
leicht:
  about: Wir sind die Stadt·verwaltung.
`,
};

const source = (kind, shape) => `
id: leicht-built-in
updated: 2026-11-26T15:00
approval: { by: Pressestelle, at: 2026-11-26T15:00 }
organization:
  name: ${kind === 'administration' ? 'Stadt Musterstadt' : 'regio iT'}
  kind: ${kind}
incident:
  status: attack
  phase: investigating
  detected: 2026-11-24T09:30
  confirmed: 2026-11-25${SHAPES[shape]}`;

const checked = new Map();
/** The checked file of a kind and shape; status, phase and confirmed are set per combination. */
async function incidentOf({ kind, shape, status, phase, confirmed }) {
  const key = `${kind} ${shape}`;
  if (!checked.has(key)) {
    const r = await checkIncident('leicht.yaml', { source: Buffer.from(source(kind, shape)) });
    assert.ok(r.incident, JSON.stringify(r.diagnostics));
    assert.deepEqual(r.diagnostics, [], key);
    checked.set(key, r.incident);
  }
  const base = checked.get(key);
  const { confirmed: date, ...rest } = base.incident;
  return {
    ...base,
    incident: { ...rest, status, phase, ...(confirmed ? { confirmed: date } : {}) },
  };
}

function* combinations() {
  for (const status of STATUSES)
    for (const phase of PHASES)
      for (const kind of ['provider', 'administration'])
        for (const shape of Object.keys(SHAPES))
          for (const confirmed of status === 'unknown' ? [false, true] : [true])
            yield { status, phase, kind, shape, confirmed };
}

async function renderLeicht(facts, engine) {
  const { artifacts } = await renderIncident(await incidentOf(facts), engine, {
    variants: ['leicht'],
    formats: ['txt', 'md'],
    langs: ['de'],
    explicitFormats: true,
    explicitVariants: true,
  });
  const text = (format) =>
    Buffer.from(artifacts.find((a) => a.format === format).content).toString('utf8');
  return { txt: text('txt'), md: text('md') };
}

test('every built-in sentence, in every status × phase × kind × data shape, keeps the rules', async () => {
  const engine = new TemplateEngine(new TemplateStore());
  const problems = [];
  let sentences = 0;
  for (const facts of combinations()) {
    const { txt, md } = await renderLeicht(facts, engine);
    const where = `${facts.status} × ${facts.phase} × ${facts.kind} × ${facts.shape}`;
    assert.doesNotMatch(md, LEFTOVER, where);
    sentences += txt.split('\n').filter((l) => /\p{L}/u.test(l)).length;
    for (const f of checkLeichtText(txt))
      if (f.sentence.text !== UNCHECKED) problems.push(`${where}: ${f.message}`);
  }
  assert.ok(sentences > 1500, `${sentences} sentences checked`);
  assert.deepEqual([...new Set(problems)], []);
});

test('the page: dates in full, one sentence per line, who checked it, lists of services', async () => {
  const engine = new TemplateEngine(new TemplateStore());
  const facts = { status: 'attack', phase: 'recovering', kind: 'administration', confirmed: true };
  const full = await renderLeicht({ ...facts, shape: 'full' }, engine);
  assert.match(
    full.txt,
    /^Am Dienstag, 24\. November 2026 um 09:30 Uhr haben wir ein Problem bemerkt\.$/m,
  );
  assert.match(full.txt, /^Dieser Text ist vom Donnerstag, 26\. November 2026 um 15:00 Uhr\.$/m);
  assert.match(full.txt, /^Die Prüf-Gruppe ist: Prüf-Gruppe von der Lebenshilfe\.$/m);
  assert.doesNotMatch(full.txt, /nicht von einer Prüfgruppe/);
  assert.match(full.txt, /^- Auto-Anmeldung: geht nicht seit Dienstag, 24\. November 2026\.$/m);
  assert.match(full.md, /^Das tut uns sehr leid\.\\$/m, 'a hard line break after each sentence');
  assert.doesNotMatch(full.txt, /\bIT\b|z\. ?B\.|evtl\./);
  const bare = await renderLeicht({ ...facts, shape: 'bare' }, engine);
  assert.match(bare.txt, /^Dieser Text wurde nicht von einer Prüfgruppe geprüft\.$/m);
  assert.doesNotMatch(bare.txt, /Was machen wir\?/, 'no measures, no list of them');
});
