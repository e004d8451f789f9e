// The rules of Leichte Sprache (src/lang/leicht-rules.ts), each with sentences that break it and
// sentences that do not: the examples of issue 17 among them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLeichtText, checkSentence } from '../../lib/lang/leicht-rules.js';
import { countWords, splitSentences } from '../../lib/lang/leicht-sentences.js';

/** The findings of one rule in a sentence, as the words they point at. */
const found = (rule, sentence) =>
  checkSentence(sentence)
    .filter((f) => f.rule === rule)
    .map((f) => sentence.slice(f.start, f.end));

test('length: up to 15 words pass, 16 to 20 warn, more than 20 are an error', () => {
  const words = (n) => `${Array.from({ length: n }, () => 'Wort').join(' ')}.`;
  assert.deepEqual(checkSentence(words(15)), []);
  assert.deepEqual(
    checkSentence(words(16)).map((f) => [f.rule, f.severity]),
    [['length', 'warning']],
  );
  assert.deepEqual(
    checkSentence(words(20)).map((f) => f.severity),
    ['warning'],
  );
  assert.deepEqual(
    checkSentence(words(21)).map((f) => [f.rule, f.severity]),
    [['length', 'error']],
  );
});

test('words: a date is 4 words, a phone number 1, markup and dashes none', () => {
  assert.equal(countWords('Donnerstag, 26. November 2026'), 4);
  assert.equal(countWords('Rufen Sie an: +49 241 41359-999.'), 4);
  assert.equal(countWords('- Wir – ganz ** sicher'), 3);
});

test('abbreviations of the issue are errors; written out they pass', () => {
  for (const [sentence, abbreviation] of [
    ['Das gilt z.B. für Pässe.', 'z.B.'],
    ['Das gilt z. B. für Pässe.', 'z. B.'],
    ['Das geht evtl. morgen.', 'evtl.'],
    ['Das Amt bzw. die Stadt hilft.', 'bzw.'],
    ['Pässe, Ausweise usw. gehen nicht.', 'usw.'],
    ['Das dauert ca. 3 Tage.', 'ca.'],
    ['Es helfen u.a. die Schulen.', 'u.a.'],
    ['Das ist neu, d.h. anders.', 'd.h.'],
    ['Die IT-Systeme sind aus.', 'IT'],
    ['Das BSI hilft.', 'BSI'],
    ['Die Kfz-Zulassung geht nicht.', 'Kfz'],
    ['Wir sind Mo. bis Fr. da.', 'Mo.'],
  ]) {
    const findings = checkSentence(sentence).filter((f) => f.rule === 'abbreviation');
    assert.ok(
      findings.some((f) => sentence.slice(f.start, f.end) === abbreviation),
      `${sentence}: ${abbreviation}`,
    );
    assert.ok(findings.every((f) => f.severity === 'error'));
  }
  for (const sentence of [
    'Das gilt zum Beispiel für Pässe.',
    'Die Computer-Systeme sind aus.',
    'Die regio iT hilft.',
    'Schreiben Sie eine E-Mail.',
    'Am Donnerstag, 26. November 2026 wissen wir mehr.',
  ])
    assert.deepEqual(found('abbreviation', sentence), [], sentence);
});

test('genitive: "des", "eines", "der" after a noun or a genitive preposition; not the dative', () => {
  assert.deepEqual(found('genitive', 'Das Ende des Tages ist nah.'), ['des']);
  assert.deepEqual(found('genitive', 'Die Lernplattformen der Schulen gehen nicht.'), ['der']);
  assert.deepEqual(found('genitive', 'Das Auto eines Freundes ist da.'), ['eines']);
  assert.deepEqual(found('genitive', 'Wir arbeiten während der Störung.'), ['während der']);
  for (const sentence of [
    'Wir sind bei der Polizei.',
    'Geben Sie der Polizei Bescheid.',
    'Der Dienst geht wieder.',
    'Sie prüfen: Ist der Text leicht?',
    'Die Lernplattformen von den Schulen gehen nicht.',
    'Wir haben der Daten-Schutz-Behörde Bescheid gesagt.',
  ])
    assert.deepEqual(found('genitive', sentence), [], sentence);
});

test('passive: a form of "werden" with a participle, and "worden"; not the future', () => {
  assert.deepEqual(found('passive', 'Die Systeme werden geprüft.'), ['werden']);
  assert.deepEqual(found('passive', 'Das wurde gestern gemacht.'), ['wurde']);
  assert.deepEqual(found('passive', 'Die Daten wurden kopiert.'), ['wurden']);
  assert.deepEqual(found('passive', 'Es ist repariert worden.'), ['worden']);
  assert.deepEqual(found('passive', 'Die Dienste werden abgeschaltet.'), ['werden']);
  for (const sentence of [
    'Wir werden Sie informieren.',
    'Wir prüfen die Systeme.',
    'Wir haben die Systeme geprüft.',
    'Die Tage werden kürzer.',
  ])
    assert.deepEqual(found('passive', sentence), [], sentence);
});

test('subjunctive: würde, hätte, wäre, könnte … are warnings; the indicative passes', () => {
  for (const word of ['würde', 'hätte', 'wäre', 'könnte', 'müsste', 'sollte']) {
    const sentence = `Das ${word} gut sein.`;
    assert.deepEqual(found('subjunctive', sentence), [word]);
    assert.equal(checkSentence(sentence).find((f) => f.rule === 'subjunctive').severity, 'warning');
  }
  assert.deepEqual(found('subjunctive', 'Das kann gut sein. Das war gut.'), []);
});

test('semicolons are errors; numbers in words and very long words are warnings', () => {
  assert.deepEqual(found('semicolon', 'Das geht; das nicht.'), [';']);
  assert.deepEqual(found('semicolon', 'Das geht. Das nicht.'), []);
  assert.deepEqual(found('number-word', 'Es dauert drei Tage.'), ['drei']);
  assert.deepEqual(found('number-word', 'Es dauert 3 Tage.'), []);
  assert.deepEqual(found('long-word', 'Die Datenschutzaufsichtsbehörde weiß es.'), [
    'Datenschutzaufsichtsbehörde',
  ]);
  assert.deepEqual(found('long-word', 'Die Daten-Schutz-Behörde weiß es.'), []);
});

test('sentences: split after . ! ? but not after a day number or an abbreviation', () => {
  const text = 'Am 26. November 2026 ist es so. Das gilt z. B. hier! Geht das? Ja.';
  assert.deepEqual(
    splitSentences(text).map((s) => s.text),
    ['Am 26. November 2026 ist es so.', 'Das gilt z. B. hier!', 'Geht das?', 'Ja.'],
  );
  for (const s of splitSentences(text)) assert.equal(text.slice(s.start, s.end), s.text);
});

test('Markdown: markup is not counted, list items and paragraphs are sentences of their own', () => {
  const md =
    'Ein **Satz** mit [Link](https://example.org/IT).\nNoch im Satz.\n\n- eins\n- zwei; drei';
  const findings = checkLeichtText(md, { markdown: true });
  assert.deepEqual(
    findings.map((f) => [f.rule, md.slice(f.start, f.end)]),
    [
      ['number-word', 'zwei'],
      ['semicolon', ';'],
      ['number-word', 'drei'],
    ],
  );
  // Plain text: one sentence per line.
  const long = `${'Wort '.repeat(16).trim()}.`;
  assert.deepEqual(
    checkLeichtText(`Kurz.\n${long}`).map((f) => [f.rule, f.start]),
    [['length', 6]],
  );
});
