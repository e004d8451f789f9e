// Inputs of the benchmark, generated (deterministically, from a seed) into .bench/:
// - `count` varied incident files: German and English, every status × phase, organisations of
//   every grammatical gender, 0–4 extra questions with Markdown answers, some mail merges;
// - an Eleventy 3 project of `count` one-page Markdown sites with a Liquid layout, whose pages
//   carry a text of the same kind and size as an incident's FAQ.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small, fast, seeded PRNG (mulberry32): the same inputs on every machine. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[int(0, list.length - 1)];
  const chance = (p) => next() < p;
  const some = (list, min, max) => {
    const n = int(min, Math.min(max, list.length));
    const pool = [...list];
    const out = [];
    while (out.length < n) out.push(pool.splice(int(0, pool.length - 1), 1)[0]);
    return out;
  };
  return { int, pick, chance, some };
}

const ORGS_DE = [
  { name: 'regio iT', city: 'Aachen', domain: 'regioit.example' },
  { name: 'KommunalIT Nord', city: 'Kiel', domain: 'kommunalit-nord.example' },
  {
    name: 'Zweckverband KDN',
    city: 'Köln',
    domain: 'kdn.example',
    grammar: { gender: 'masculine', genitive: 'Zweckverbands KDN' },
  },
  {
    name: 'Rechenzentrum Süd',
    city: 'Ulm',
    domain: 'rz-sued.example',
    grammar: { gender: 'neuter', genitive: 'Rechenzentrums Süd' },
  },
  {
    name: 'Stadtwerke Musterstadt',
    city: 'Musterstadt',
    domain: 'sw-musterstadt.example',
    grammar: { gender: 'plural' },
  },
  { name: 'Dataport', city: 'Altenholz', domain: 'dataport.example', grammar: { gender: 'none' } },
  { name: 'ITEOS', city: 'Stuttgart', domain: 'iteos.example', grammar: { gender: 'none' } },
  { name: 'civitec', city: 'Siegburg', domain: 'civitec.example' },
];
const ORGS_EN = [
  { name: 'Northbridge City Council', city: 'Northbridge', domain: 'northbridge.example' },
  { name: 'Eastvale District Council', city: 'Eastvale', domain: 'eastvale.example' },
  { name: 'Shared IT Services West', city: 'Bristol', domain: 'sits-west.example' },
];
const AFFECTED = {
  de: [
    'E-Government-Portale',
    'Online-Terminvergabe',
    'Lernplattformen der Schulen',
    'Kfz-Zulassung',
    'Meldewesen',
    'Abrechnung für Energieversorger',
    'Telefonanlage',
    'E-Mail der Stadtverwaltung',
  ],
  en: [
    'Online payments',
    'Library catalogue',
    'Planning portal',
    'Council tax accounts',
    'School learning platforms',
    'Telephone switchboard',
  ],
};
const QUESTIONS = {
  de: [
    [
      'Sind meine Daten betroffen?',
      'Nach derzeitigem Stand gibt es **keine Hinweise** darauf, dass Daten abgeflossen sind.\nDie forensischen Untersuchungen dauern an.',
    ],
    [
      'Wie erreiche ich die Verwaltung?',
      'Telefonisch unter der bekannten Rufnummer. Für dringende Anliegen:\n\n- Bürgerbüro: Montag bis Freitag, 8–16 Uhr\n- Standesamt: nach Vereinbarung\n- [Notfallseite](https://notfall.example.org/)',
    ],
    [
      'Kann ich meinen Termin wahrnehmen?',
      'Termine werden *neu vergeben*. Sie erhalten eine Nachricht per Post oder [E-Mail](mailto:termine@example.org).',
    ],
    [
      'Was passiert mit laufenden Anträgen?',
      'Laufende Anträge bleiben gültig; Fristen werden verlängert.\n\n1. Anträge auf Papier werden weiter angenommen.\n2. Online-Anträge werden nachgeholt, sobald die Systeme wieder laufen.',
    ],
    [
      'Muss ich etwas tun?',
      'Nein. Seien Sie aber vorsichtig bei E-Mails, die angeblich von uns kommen und nach Passwörtern fragen.',
    ],
    [
      'Wer hilft bei Fragen?',
      'Die Pressestelle beantwortet Fragen von Medien; Bürgerinnen und Bürger wenden sich an das Bürgertelefon (0241 123-0).',
    ],
  ],
  en: [
    [
      'Is my data affected?',
      'As things stand, there is **no indication** that any data has been leaked.\nThe forensic investigations are continuing.',
    ],
    [
      'How can I reach the council?',
      'By telephone on the usual number. For urgent matters:\n\n- Customer service: Monday to Friday, 9am–5pm\n- Registrar: by appointment\n- [Emergency page](https://emergency.example.org/)',
    ],
    [
      'Can I still pay my council tax?',
      'Yes, by bank transfer. Online card payments are *unavailable* until further notice.',
    ],
    [
      'Do I need to do anything?',
      'No. Please be careful with e-mails that claim to come from us and ask for passwords.',
    ],
  ],
};
const RECIPIENTS = {
  de: [
    ['Stadt Musterstadt', 'it@musterstadt.example', 'Sehr geehrte Frau Muster,'],
    ['Kreis Beispielkreis', 'edv@beispielkreis.example', 'Sehr geehrter Herr Beispiel,'],
    ['Gymnasium am Park', 'schulleitung@gap.example', undefined],
    ['Stadtwerke Nordhafen', 'it@sw-nordhafen.example', 'Guten Tag,'],
  ],
  en: [
    ['Northbridge Academy', 'it@northbridge-academy.example', 'Dear Ms Patel,'],
    ['Eastvale Housing', 'office@eastvale-housing.example', undefined],
  ],
};
const STATUSES = ['unknown', 'attack', 'malfunction'];
const PHASES = ['investigating', 'investigating', 'recovering', 'resolved'];
const MEASURES = ['shutdown', 'crisis_team', 'experts', 'forensics'];

const q = (s) => JSON.stringify(s);
const block = (text, indent) =>
  `|\n${text
    .split('\n')
    .map((line) => (line ? `${' '.repeat(indent)}${line}` : ''))
    .join('\n')}`;

function isoDay(base, days) {
  const d = new Date(Date.UTC(2026, 0, 1) + (base + days) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** One valid incident file (YAML text) and its facts. */
function incident(n, r, only) {
  const drawn = r.chance(0.7) ? 'de' : 'en';
  const lang = only ?? drawn;
  const org = r.pick(lang === 'de' ? ORGS_DE : ORGS_EN);
  const status = r.pick(STATUSES);
  const phase = r.pick(PHASES);
  const base = r.int(0, 300);
  const detected = isoDay(base, 0);
  const withTime = r.chance(0.5);
  const detectedAt = withTime
    ? `${detected}T${String(r.int(6, 22)).padStart(2, '0')}:30`
    : detected;
  const updatedDay = r.int(1, 6);
  const updated = `${isoDay(base, updatedDay)}T${String(r.int(8, 20)).padStart(2, '0')}:00`;
  const findings = isoDay(base, updatedDay + r.int(1, 7));
  const id = `bench-${String(n).padStart(4, '0')}-${org.domain.split('.')[0]}`;
  const lines = [
    `# Benchmark incident ${n}: ${status} / ${phase} (${lang})`,
    `id: ${id}`,
    `lang: ${lang}`,
    `updated: ${updated}`,
    '',
    'organization:',
    `  name: ${q(org.name)}`,
    `  city: ${q(org.city)}`,
    `  website: https://www.${org.domain}`,
  ];
  if (org.grammar) {
    const g = Object.entries(org.grammar)
      .map(([k, v]) => `${k}: ${q(v)}`)
      .join(', ');
    lines.push(`  grammar: { ${g} }`);
  }
  if (r.chance(0.8)) {
    const about =
      lang === 'de'
        ? `${org.name} betreibt Rechenzentren und Fachverfahren für ${r.int(5, 80)} Kommunen.\n\nZu den Kunden gehören Städte, Kreise, Schulen und kommunale Unternehmen.`
        : `${org.name} provides IT services to ${r.int(5, 80)} public bodies.\n\nIts customers include councils, schools and housing associations.`;
    lines.push(`  about: ${block(about, 4)}`);
  }
  const hasSender = r.chance(0.9);
  lines.push(
    '  contact:',
    `    name: ${lang === 'de' ? 'Pressestelle' : 'Press Office'}`,
    ...(hasSender ? [`    email: presse@${org.domain}`] : []),
    `    phone: '+49 241 ${r.int(10000, 99999)}-0'`,
    '',
    'incident:',
    `  status: ${status}`,
    `  phase: ${phase}`,
    `  detected: ${detectedAt}`,
    `  crisis_team: ${isoDay(base, r.int(0, 1))}`,
  );
  if (phase === 'investigating' || r.chance(0.3)) lines.push(`  findings_expected: ${findings}`);
  if (r.chance(0.4)) lines.push(`  measures: [${r.some(MEASURES, 1, 4).join(', ')}]`);
  if (phase !== 'resolved' && r.chance(0.8)) {
    lines.push('  affected:');
    for (const a of r.some(AFFECTED[lang], 1, 4)) lines.push(`    - ${q(a)}`);
  }
  lines.push('');
  lines.push('options:', `  cancel_appointments: ${phase !== 'resolved' && r.chance(0.5)}`);
  const questions = r.some(QUESTIONS[lang], 0, 4);
  if (questions.length) {
    lines.push('', 'questions:');
    for (const [question, answer] of questions)
      lines.push(`  - question: ${q(question)}`, `    answer: ${block(answer, 6)}`);
  }
  if (r.chance(0.3))
    lines.push(
      '',
      'press:',
      `  headline: ${q(lang === 'de' ? `${org.name}: Update zur IT-Störung` : `${org.name}: update on the IT incident`)}`,
    );
  lines.push('', 'email:');
  if (r.chance(0.5)) lines.push(`  salutation: ${q(lang === 'de' ? 'Guten Tag,' : 'Hello,')}`);
  lines.push(
    `  signature: ${block(lang === 'de' ? `Mit freundlichen Grüßen\n\nIhre ${org.name}` : `Kind regards\n\nYour ${org.name} team`, 4)}`,
  );
  if (r.chance(0.2)) {
    lines.push('  recipients:');
    for (const [name, email, salutation] of r.some(RECIPIENTS[lang], 1, 3)) {
      lines.push(`    - name: ${q(name)}`, `      email: ${email}`);
      if (salutation) lines.push(`      salutation: ${q(salutation)}`);
      if (r.chance(0.5))
        lines.push(
          `      answer: ${block(lang === 'de' ? `Ihre Frage zu **${name}** beantworten wir gern: Die Daten liegen getrennt.` : `About **${name}**: your data is stored separately.`, 8)}`,
        );
    }
  }
  return {
    id,
    lang,
    org: org.name,
    status,
    phase,
    updated,
    questions,
    affected: AFFECTED[lang],
    yaml: `${lines.join('\n')}\n`,
  };
}

/** Markdown of about the size and shape of an incident's FAQ, for the Eleventy side. */
function pageMarkdown(facts) {
  const de = facts.lang === 'de';
  const parts = [
    de ? `## Was ist passiert?` : `## What happened?`,
    de
      ? `Am ${facts.updated.slice(0, 10)} hat das Monitoring der ${facts.org} ungewöhnliche Aktivitäten in ihren Systemen festgestellt. Als Vorsichtsmaßnahme wurden alle Systeme vom Netz getrennt. Ob es sich um einen **Angriff** oder eine *Fehlfunktion* handelt, wird noch untersucht.`
      : `On ${facts.updated.slice(0, 10)}, monitoring at ${facts.org} noticed unusual activity in its systems. As a precaution, all systems were disconnected. Whether this was an **attack** or a *malfunction* is still being investigated.`,
    de ? '## Welche Dienste sind betroffen?' : '## Which services are affected?',
    facts.affected.map((a) => `- ${a}`).join('\n'),
    de ? '## Was wird unternommen?' : '## What is being done?',
    de
      ? 'Ein Krisenstab wurde gebildet. Externe Fachleute unterstützen bei der Analyse und bei der Wiederherstellung der Systeme. Die Ermittlungsbehörden sind informiert.\n\nWir informieren auf dieser Seite, sobald neue Erkenntnisse vorliegen.'
      : 'A crisis team has been formed. External experts are helping with the analysis and with restoring the systems. The authorities have been informed.\n\nWe will update this page as soon as we know more.',
    ...facts.questions.flatMap(([question, answer]) => [`## ${question}`, answer]),
    de ? '## Wer sind wir?' : '## Who are we?',
    de
      ? `Die ${facts.org} ist ein kommunales IT-Dienstleistungsunternehmen, das für Städte, Kreise, Schulen sowie für kommunale Unternehmen Softwarelösungen und IT-Infrastruktur anbietet. [Mehr erfahren](https://www.example.org/ueber-uns)`
      : `${facts.org} is a municipal IT service provider that offers software and IT infrastructure to councils, schools and public companies. [Learn more](https://www.example.org/about)`,
  ];
  return `${parts.join('\n\n')}\n`;
}

const LAYOUT = `<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title | escape }}</title>
<style>
body { font: 1.05rem/1.6 system-ui, sans-serif; max-width: 42rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
header p { color: #555; } h1 { font-size: 1.8rem; line-height: 1.2; } h2 { margin-top: 2rem; }
a { color: #0b57d0; } .status { border-left: 4px solid #b3261e; padding-left: 1rem; }
@media print { a { color: inherit; } }
</style>
</head>
<body>
<header><p>{{ org | escape }} · {% if lang == "de" %}Stand{% else %}As of{% endif %} {{ updated }}</p></header>
<main>
<h1>{{ title | escape }}</h1>
<p class="status">{{ status }} / {{ phase }}</p>
{{ content }}
</main>
<footer><p>© {{ org | escape }}</p></footer>
</body>
</html>
`;

/**
 * Writes the incidents to `<dir>/incidents/` and the Eleventy project to `<dir>/eleventy/`;
 * returns the incident file paths. The folders are replaced. `lang` makes every incident (and
 * page) of that language: the like-for-like row renders one language of every file.
 */
export function generate(dir, count, seed = 20261126, lang = undefined) {
  const r = random(seed);
  const incidentsDir = join(dir, 'incidents');
  const site = join(dir, 'eleventy');
  rmSync(incidentsDir, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
  mkdirSync(incidentsDir, { recursive: true });
  mkdirSync(join(site, 'src', '_includes'), { recursive: true });
  writeFileSync(join(site, 'src', '_includes', 'page.liquid'), LAYOUT);
  writeFileSync(
    join(site, 'eleventy.config.mjs'),
    `export default function () {\n  return { dir: { input: 'src', output: '_site' } };\n}\n`,
  );
  const files = [];
  for (let n = 1; n <= count; n++) {
    const facts = incident(n, r, lang);
    const file = join(incidentsDir, `${facts.id}.yaml`);
    writeFileSync(file, facts.yaml);
    files.push(file);
    const title =
      facts.lang === 'de'
        ? `Fragen und Antworten zur IT-Störung bei ${facts.org}`
        : `Questions and answers about the IT incident at ${facts.org}`;
    const front = [
      '---',
      'layout: page.liquid',
      `title: ${q(title)}`,
      `lang: ${facts.lang}`,
      `org: ${q(facts.org)}`,
      `updated: ${q(facts.updated)}`,
      `status: ${facts.status}`,
      `phase: ${facts.phase}`,
      `permalink: /${facts.id}/index.html`,
      '---',
      '',
    ].join('\n');
    writeFileSync(join(site, 'src', `${facts.id}.md`), front + pageMarkdown(facts));
  }
  return files;
}
