// The wording audit (docs/wording.md): every text of every status × phase × organisation kind,
// in German and English, says only what the incident file supports. The forbidden phrases are
// data: each list names when its phrases are false.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIncident } from '../../lib/api.js';
import { renderIncident } from '../../lib/render/render.js';
import { TemplateEngine } from '../../lib/render/engine.js';
import { TemplateStore } from '../../lib/render/templates.js';
import { LEFTOVER, overlay } from '../helpers.js';

const STATUSES = ['unknown', 'attack', 'malfunction'];
const PHASES = ['investigating', 'recovering', 'resolved'];
const LANGS = ['de', 'en'];

/**
 * Phrases that must not appear, by language, and the facts under which they would be false:
 * `when(facts)` says whether the list applies to a rendering.
 */
const FORBIDDEN = [
  {
    why: 'nobody entered that the attack was repelled',
    when: () => true,
    de: [/abgewehrt/i],
    en: [/defeated|repelled|fended off|warded off/i],
  },
  {
    why: 'a measure says what was done, nothing the file does not list',
    when: () => true,
    de: [/arbeiten eng|in Kontakt/],
    en: [/working closely|in contact with/i],
  },
  {
    why: 'a known status (or incident.confirmed) is a finding: no promise of first findings',
    when: (f) => f.status !== 'unknown' || f.confirmed,
    de: [
      /Erkenntnisse erwarte/i,
      /erste\w* Erkenntnisse/i,
      /Erkenntnisse (werden|wird)/i,
      /rechnen[^.]*Erkenntnisse/i,
    ],
    en: [/expect[^.]*findings/i, /findings (are|is) expected/i, /initial findings/i],
  },
  {
    why: 'after resolution the incident is told in the past tense',
    when: (f) => f.phase === 'resolved',
    de: [/\bes handelt sich um/i, /handelt es sich um/i, /\bvorliegt\b/, /^(#+ )?Handelt es sich/m],
    en: [/\bthis is an? (criminal )?(cyber attack|technical malfunction)/i, /^(#+ )?Is this a/m],
  },
  {
    why: 'an administration speaks to its citizens, not to customers of an IT service provider',
    when: (f) => f.kind === 'administration',
    de: [/Kunden/, /IT-Dienstleist/, /IT-Services/, /Geschäftspartner/, /Kommunen[^.]*genutzt/],
    en: [/customer/i, /business partner/i, /IT service/i, /used by municipalities/i],
  },
  {
    why: 'after resolution nothing is promised or said to be going on (no analysis, no updates)',
    when: (f) => f.phase === 'resolved',
    de: [
      /werten den Vorfall|ausgewertet|Auswertung dauert an|Untersuchungen dauern an/,
      /regelmäßig aktualisiert|aktuellen IT-Einschränkungen|aktuellen Störung|Maßnahmen ergreift/,
      /umgehend informier|fortlaufend|erwartet|bis zum/,
    ],
    en: [
      /analysing the incident|being analysed|analysis is continuing|investigations are continuing/i,
      /updated regularly|current IT restrictions|current disruption|is taking all necessary/i,
      /inform you immediately|keep you informed|expected|will know more/i,
    ],
  },
  {
    why: 'the systems were isolated only if measures lists shutdown',
    when: (f) => f.measures && !f.measures.includes('shutdown'),
    de: [/isoliert|Abschaltung|Vorsichtsmaßnahme|Schutzmaßnahme|heruntergefahren/i],
    en: [/isolated|shutdown|shut down|precaution|protective measure/i],
  },
  {
    why: 'experts were called in only if measures lists experts',
    when: (f) => f.measures && !f.measures.includes('experts'),
    de: [/IT-Experten|BSI-zertifiziert/],
    en: [/IT experts|experts we|certified by/i],
  },
];
const KINDS = ['provider', 'administration'];

const BASE = (f) => `
id: wording
updated: 2026-03-10T08:15
organization:
  name: ${f.kind === 'administration' ? 'Stadt Musterstadt' : 'Kommunale IT Muster'}
  kind: ${f.kind}
  grammar: ${f.kind === 'administration' ? '{ gender: feminine }' : '{ forms: { nom: die Kommunale IT Muster, gen: der Kommunalen IT Muster, dat: der Kommunalen IT Muster, acc: die Kommunale IT Muster } }'}
  city: Musterstadt
  contact: { name: Pressestelle, email: presse@example.org, phone: '+49 221 555-0' }
incident:
  status: ${f.status}
  phase: ${f.phase}
  detected: 2026-03-08T22:40
  crisis_team: 2026-03-09
  findings_expected: 2026-03-12
${f.measures ? `  measures: [${f.measures.join(', ')}]\n` : ''}${f.confirmed ? '  confirmed: 2026-03-09\n' : ''}  affected:
    - { de: Online-Terminvergabe, en: Online appointment booking }
options:
  cancel_appointments: true
`;

/** Every combination the test renders: status × phase × kind, with a confirmed date for known statuses. */
function combinations() {
  const all = [];
  for (const status of STATUSES)
    for (const phase of PHASES)
      for (const kind of KINDS)
        for (const confirmed of status === 'unknown' ? [false] : [false, true])
          all.push({ status, phase, kind, confirmed });
  // Without shutdown and experts: no isolation, no experts (the default lists all four).
  for (const status of STATUSES)
    for (const phase of PHASES)
      all.push({
        status,
        phase,
        kind: 'provider',
        measures: ['crisis_team', 'forensics', 'police', 'bsi'],
      });
  return all;
}

/** The incident file of each kind, checked once (with a confirmed date to copy from). */
const checkedKinds = new Map();
async function checkKind(kind) {
  if (!checkedKinds.has(kind)) {
    const source = Buffer.from(
      BASE({ kind, status: 'attack', phase: 'investigating', confirmed: true }),
    );
    const checked = await checkIncident('wording.yaml', { source });
    assert.ok(checked.incident, JSON.stringify(checked.diagnostics));
    checkedKinds.set(kind, checked.incident);
  }
  return checkedKinds.get(kind);
}

/** The incident of `facts`: the checked file of its kind with status, phase and confirmed set. */
async function incidentOf(facts) {
  const base = await checkKind(facts.kind);
  const { confirmed, ...rest } = base.incident;
  return {
    ...base,
    incident: {
      ...rest,
      status: facts.status,
      phase: facts.phase,
      ...(facts.confirmed ? { confirmed } : {}),
      ...(facts.measures ? { measures: facts.measures } : {}),
    },
  };
}

/** The Markdown (with the e-mail subject) of faq, press and email in both languages. */
async function renderTexts(facts, engine) {
  const { artifacts } = await renderIncident(await incidentOf(facts), engine, {
    variants: ['faq', 'press', 'email'],
    formats: ['md'],
    langs: LANGS,
    explicitFormats: false,
  });
  return artifacts.map((a) => ({
    path: a.path,
    lang: a.lang,
    text: `${a.title}\n${Buffer.from(a.content).toString('utf8')}`,
  }));
}

/** The forbidden phrases found in one rendering, as "file: phrase (why)". */
function findForbidden(facts, rendered) {
  const found = [];
  for (const { why, when, ...byLang } of FORBIDDEN) {
    if (!when(facts)) continue;
    for (const { path, lang, text } of rendered)
      for (const phrase of byLang[lang]) {
        const m = phrase.exec(text);
        if (m) found.push(`${path}: "${m[0]}" (${why})`);
      }
  }
  return found;
}

const label = (f) =>
  `${f.status} × ${f.phase} × ${f.kind}${f.confirmed ? ' (confirmed)' : ''}${f.measures ? ` [${f.measures}]` : ''}`;

test('no status × phase × kind says what the incident file does not support, in de and en', async () => {
  const engine = new TemplateEngine(new TemplateStore());
  const problems = [];
  for (const facts of combinations()) {
    const rendered = await renderTexts(facts, engine);
    assert.equal(rendered.length, 6, label(facts));
    for (const { path, text } of rendered) assert.doesNotMatch(text, LEFTOVER, path);
    problems.push(...findForbidden(facts, rendered).map((p) => `${label(facts)}: ${p}`));
  }
  assert.deepEqual(problems, []);
});

test('the forbidden phrases catch the sentences they are meant for (so the test can fail)', async (t) => {
  // Yesterday's wording, as an overlay: each old sentence must be found.
  const old = overlay(t, {
    'de/faq.md.hbs': [
      '# Häufig gestellte Fragen',
      '',
      'Es handelt sich um einen Cyberangriff. Der Angriff wurde abgewehrt.',
      'IT-Dienstleistungen, die z.B. von Kommunen genutzt werden; unsere Kunden- und Geschäftspartner.',
      'Erste Erkenntnisse erwarten wir am {{incident.findingsExpected.text}}.',
      'Wir haben alle Systeme isoliert. Die hinzugezogenen IT-Experten haben die Systeme untersucht.',
      'Wir werten den Vorfall gründlich aus und arbeiten eng mit der Polizei zusammen.',
    ].join('\n'),
    'en/faq.md.hbs': [
      '# Frequently asked questions',
      '',
      'This is a cyber attack. The attack has been repelled.',
      'IT services used by municipalities; our customers and business partners.',
      'We expect initial findings on {{incident.findingsExpected.text}}.',
      'We isolated all systems. The IT experts we called in have examined the systems.',
      'We are analysing the incident thoroughly and working closely with the police.',
    ].join('\n'),
  });
  const engine = new TemplateEngine(new TemplateStore(old));
  const facts = {
    status: 'attack',
    phase: 'resolved',
    kind: 'administration',
    confirmed: true,
    measures: ['crisis_team'],
  };
  const found = findForbidden(facts, await renderTexts(facts, engine));
  const why = FORBIDDEN.map((list) => list.why);
  assert.ok(
    FORBIDDEN.every((list) => list.when(facts)),
    'every list applies to these facts',
  );
  for (const lang of LANGS) {
    const mine = found.filter((f) => f.startsWith(`wording/faq.${lang}`));
    for (const reason of why)
      assert.ok(
        mine.some((f) => f.includes(reason)),
        `${lang} ${reason}:\n${found.join('\n')}`,
      );
  }
});

test('organization.kind is provider by default and one of provider, administration', async () => {
  const source = BASE({ kind: 'provider', status: 'unknown', phase: 'investigating' });
  const omitted = await checkIncident('kind.yaml', {
    source: Buffer.from(source.replace('  kind: provider\n', '')),
  });
  assert.equal(omitted.incident?.organization.kind, 'provider');
  const wrong = await checkIncident('kind.yaml', {
    source: Buffer.from(source.replace('kind: provider', 'kind: city')),
  });
  assert.equal(wrong.incident, undefined);
  const [problem] = wrong.diagnostics;
  assert.equal(problem.path, 'organization.kind');
  assert.equal(problem.line, 6);
  assert.match(problem.message, /provider, administration/);
});
