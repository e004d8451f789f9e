// German that is right for every organisation name (issue 13 §2): `faq check` refuses a name
// whose words change with the case unless the file says how, and shows the four forms to fill in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIncidentSource } from '../../lib/incident/load.js';
import { validateIncident } from '../../lib/incident/validate.js';
import { guessForms, startsWithAdjective, suggestGender } from '../../lib/lang/declension.js';

/** A small valid incident file with this organisation block (lines 3.. of the file). */
function source(org, lang = 'de') {
  return `updated: 2026-11-26T15:00
lang: ${lang}
organization:
${org}
incident:
  status: unknown
  detected: 2026-11-24
  findings_expected: 2026-11-28
`;
}

function check(org, options = {}) {
  const loaded = parseIncidentSource('org.yaml', Buffer.from(source(org, options.lang)));
  assert.ok(loaded.ok, JSON.stringify(loaded.diagnostics));
  const { diagnostics } = validateIncident(loaded.loaded, options);
  return diagnostics.filter((d) => d.path.startsWith('organization'));
}

const named = (name, grammar) => `  name: ${name}${grammar ? `\n  grammar: ${grammar}` : ''}`;

// Real German municipal IT providers and administrations, with the grammar a user would write
// from the gender alone: 'ok' renders right without forms, 'error' needs forms (or a genitive).
const NAMES = [
  ['regio iT', undefined, 'ok'],
  ['regio iT', '{ gender: feminine }', 'ok'],
  ['Stadtwerke Musterstadt', '{ gender: plural }', 'ok'],
  ['Stadtwerke Musterstadt', undefined, 'error'], // plural: "Die Stadtwerke … ist" otherwise
  ['Dataport', '{ gender: none }', 'ok'],
  ['KDN', '{ gender: none }', 'ok'],
  ['ITEOS', '{ gender: none }', 'ok'],
  ['ekom21', undefined, 'ok'],
  ['citeq', undefined, 'ok'],
  ['Südwestfalen-IT', undefined, 'ok'],
  ['ITK Rheinland', undefined, 'ok'],
  ['Stadt Aachen', undefined, 'ok'],
  ['Gemeinde Beispielstadt', undefined, 'ok'],
  ['Samtgemeinde Harpstedt', undefined, 'ok'],
  ['Kreisverwaltung Rhein-Hunsrück', undefined, 'ok'],
  ['Anstalt für Kommunale Datenverarbeitung in Bayern', undefined, 'ok'],
  ['Zweckverband KDN', '{ gender: masculine, genitive: Zweckverbands KDN }', 'ok'],
  ['Zweckverband KDN', '{ gender: masculine }', 'error'],
  ['Zweckverband Kommunale Informationsverarbeitung', '{ gender: masculine }', 'error'],
  ['Kreis Musterkreis', '{ gender: masculine }', 'error'],
  ['Kreis Musterkreis', undefined, 'error'], // looks masculine: "die Kreis Musterkreis" otherwise
  ['Landkreis Anhalt-Bitterfeld', '{ gender: masculine }', 'error'],
  ['Rhein-Pfalz-Kreis', '{ gender: masculine }', 'error'],
  ['Rhein-Pfalz-Kreis', '{ gender: masculine, genitive: Rhein-Pfalz-Kreises }', 'ok'],
  ['krz', '{ gender: neuter }', 'error'],
  ['KRZN', '{ gender: neuter, genitive: KRZN }', 'ok'],
  ['Landratsamt Ostalbkreis', undefined, 'error'],
  ['Amt Süderbrarup', '{ gender: neuter }', 'error'],
  ['Kommunales Rechenzentrum Niederrhein', '{ gender: neuter }', 'error'],
  ['Kommunales Rechenzentrum Niederrhein', undefined, 'error'],
  ['Kommunales Rechenzentrum Minden-Ravensberg/Lippe', '{ gender: neuter }', 'error'],
  ['Kommunale Datenverarbeitung Oldenburg', undefined, 'error'],
  ['Kommunale Datenverarbeitung Oldenburg', '{ gender: feminine }', 'error'],
  [
    'Regionales Rechenzentrum Süd',
    '{ gender: neuter, genitive: Regionalen Rechenzentrums Süd }',
    'error',
  ],
  ['Städtischer Eigenbetrieb IT', '{ gender: masculine }', 'error'],
  ['Städtische Betriebe Musterstadt', '{ gender: plural }', 'error'],
  ['Freie und Hansestadt Hamburg', undefined, 'error'],
  ['Hessische Zentrale für Datenverarbeitung', undefined, 'error'],
  ['Gemeinsame Kommunale Datenzentrale Mecklenburg', undefined, 'error'],
  ['Interkommunale IT', undefined, 'error'],
  ['Wuppertaler Stadtwerke', '{ gender: plural }', 'ok'],
  ['Leipziger Verkehrsbetriebe', '{ gender: plural }', 'ok'],
];

test('a table of real names: the gender alone is enough, or check refuses it', () => {
  assert.ok(NAMES.length >= 20);
  for (const [name, grammar, expected] of NAMES) {
    const errors = check(named(name, grammar)).filter((d) => d.severity === 'error');
    assert.equal(
      errors.length,
      expected === 'ok' ? 0 : 1,
      `${name} ${grammar}: ${JSON.stringify(errors)}`,
    );
    if (expected === 'error')
      assert.match(
        errors[0].hint,
        /forms: \{ nom: .*, gen: .*, dat: .*, acc: .* \}|gender: plural/,
      );
  }
});

test('which names begin with an adjective that changes with the case', () => {
  for (const name of [
    'Kommunales Rechenzentrum Niederrhein',
    'Kommunale Datenverarbeitung Oldenburg',
    'Regionales Rechenzentrum Süd',
    'Städtischer Eigenbetrieb IT',
    'Freie und Hansestadt Hamburg',
    'Digitaler Service Nord',
    'Neue Verwaltung Musterstadt',
  ])
    assert.ok(startsWithAdjective(name), name);
  for (const name of [
    'regio iT',
    'Stadtwerke Musterstadt',
    'Dataport',
    'KDN',
    'ITEOS',
    'Südwestfalen-IT',
    'Zweckverband KDN',
    'Zweckverband Kommunale Informationsverarbeitung',
    'Wuppertaler Stadtwerke',
    'Filiale Nord',
    'Datenzentrale Mecklenburg',
    'Kommunale', // a single word is not an adjective before a noun
    'Zentrale für Datenverarbeitung',
  ])
    assert.ok(!startsWithAdjective(name), name);
});

test('the best guess: adjectives weak after the article, genitive -s, dative plural -n', () => {
  assert.deepEqual(guessForms('Kommunales Rechenzentrum Niederrhein', 'neuter'), {
    nom: 'das Kommunale Rechenzentrum Niederrhein',
    gen: 'des Kommunalen Rechenzentrums Niederrhein',
    dat: 'dem Kommunalen Rechenzentrum Niederrhein',
    acc: 'das Kommunale Rechenzentrum Niederrhein',
  });
  assert.deepEqual(guessForms('Städtischer Eigenbetrieb IT', 'masculine'), {
    nom: 'der Städtische Eigenbetrieb IT',
    gen: 'des Städtischen Eigenbetriebs IT',
    dat: 'dem Städtischen Eigenbetrieb IT',
    acc: 'den Städtischen Eigenbetrieb IT',
  });
  assert.deepEqual(guessForms('Städtische Betriebe Musterstadt', 'plural'), {
    nom: 'die Städtischen Betriebe Musterstadt',
    gen: 'der Städtischen Betriebe Musterstadt',
    dat: 'den Städtischen Betrieben Musterstadt',
    acc: 'die Städtischen Betriebe Musterstadt',
  });
  assert.deepEqual(guessForms('Freie und Hansestadt Hamburg', 'feminine'), {
    nom: 'die Freie und Hansestadt Hamburg',
    gen: 'der Freien und Hansestadt Hamburg',
    dat: 'der Freien und Hansestadt Hamburg',
    acc: 'die Freie und Hansestadt Hamburg',
  });
  assert.equal(guessForms('Kreis Musterkreis', 'masculine').gen, 'des Kreises Musterkreis');
  assert.equal(guessForms('Rhein-Pfalz-Kreis', 'masculine').gen, 'des Rhein-Pfalz-Kreises');
  assert.equal(
    guessForms('Aachener Verkehrsverbund', 'masculine').gen,
    'des Aachener Verkehrsverbunds',
  );
  assert.equal(guessForms('KRZN', 'neuter').gen, 'des KRZN');
  assert.equal(guessForms('Wuppertaler Stadtwerke', 'plural').dat, 'den Wuppertaler Stadtwerken');
  assert.deepEqual(guessForms('Dataport', 'none'), {
    nom: 'Dataport',
    gen: 'von Dataport',
    dat: 'Dataport',
    acc: 'Dataport',
  });
  assert.equal(suggestGender('Kommunales Rechenzentrum Niederrhein'), 'neuter');
  assert.equal(suggestGender('Landkreis Anhalt-Bitterfeld'), 'masculine');
  assert.equal(suggestGender('Berliner Wasserbetriebe'), 'plural');
  assert.equal(suggestGender('regio iT'), undefined);
});

test('the trial: "des Kreis Musterkreis" is refused at the gender, with the four forms', () => {
  const [d] = check(named('Kreis Musterkreis', '{ gender: masculine }'));
  assert.equal(d.path, 'organization.grammar.gender');
  assert.deepEqual([d.line, d.col], [5, 22]);
  assert.match(d.message, /masculine name changes after "des" \("des Kreises Musterkreis"\)/);
  assert.equal(
    d.hint,
    'write grammar: { gender: masculine, forms: { nom: der Kreis Musterkreis, gen: des Kreises Musterkreis, dat: dem Kreis Musterkreis, acc: den Kreis Musterkreis } } and check each form',
  );
});

test('the trial: "das Kommunales Rechenzentrum" is refused at the name; the guessed gender is shown', () => {
  const [d] = check(named('Kommunales Rechenzentrum Niederrhein'));
  assert.equal(d.path, 'organization.name');
  assert.deepEqual([d.line, d.col], [4, 9]);
  assert.match(d.message, /begins with "Kommunales", an adjective that changes with the case/);
  assert.equal(
    d.hint,
    'write grammar: { gender: neuter, forms: { nom: das Kommunale Rechenzentrum Niederrhein, gen: des Kommunalen Rechenzentrums Niederrhein, dat: dem Kommunalen Rechenzentrum Niederrhein, acc: das Kommunale Rechenzentrum Niederrhein } } and check the gender and each form',
  );
});

test('the hint quotes a form that YAML would misread', () => {
  const [d] = check(named('"Kreis Musterkreis: Nord"', '{ gender: masculine }'));
  assert.match(d.hint, /gen: "des Kreises Musterkreis: Nord"/);
});

test('with forms every name is accepted; each form must begin with its article', () => {
  const forms =
    '{ gender: neuter, forms: { nom: das Kommunale Rechenzentrum Niederrhein, gen: des Kommunalen Rechenzentrums Niederrhein, dat: dem Kommunalen Rechenzentrum Niederrhein, acc: das Kommunale Rechenzentrum Niederrhein } }';
  assert.deepEqual(check(named('Kommunales Rechenzentrum Niederrhein', forms)), []);
  const wrong = check(
    named(
      'Kreis Musterkreis',
      '{ gender: masculine, genitive: Kreises Musterkreis, forms: { nom: Der Kreis Musterkreis, gen: Kreises Musterkreis, dat: dem Kreis Musterkreis, acc: den Kreis Musterkreis } }',
    ),
  );
  assert.deepEqual(wrong.map((d) => `${d.severity} ${d.path}`).sort(), [
    'error organization.grammar.forms.gen',
    'error organization.grammar.forms.nom',
  ]);
  assert.match(
    wrong.find((d) => d.path.endsWith('gen')).message,
    /genitive of a masculine name begins with "des"/,
  );
});

test('forms are all four or none; gender none takes them as written', () => {
  const partial = check(
    named('Kreis Musterkreis', '{ gender: masculine, forms: { nom: der Kreis Musterkreis } }'),
  );
  // Each missing form is named (the wording of a missing key is zod-issues.ts's).
  assert.deepEqual(
    partial.map((d) => /organization\.grammar\.forms\.(\w+)/.exec(d.message)?.[1]),
    ['gen', 'dat', 'acc'],
  );
  assert.deepEqual(
    check(
      named(
        'Regionale IT',
        '{ gender: none, forms: { nom: Regionale IT, gen: von Regionale IT, dat: Regionale IT, acc: Regionale IT } }',
      ),
    ),
    [],
  );
});

test('German only: an English file rendered only in English needs no forms', () => {
  assert.deepEqual(check(named('Kommunales Rechenzentrum Niederrhein'), { lang: 'en' }), []);
  assert.equal(
    check(named('Kommunales Rechenzentrum Niederrhein'), { lang: 'en', languages: ['en', 'de'] })
      .length,
    1,
  );
});
