// The rules of Leichte Sprache (Netzwerk Leichte Sprache, BITV 2.0) that a program can check in a
// German sentence. Each rule is a heuristic for the reader's sake: sure rules are errors
// (a sentence over 20 words, an abbreviation, a semicolon), guesses are warnings.
import { blankMarkdown, countWords, splitSentences, type Sentence } from './leicht-sentences.js';

export type LeichtRule =
  | 'length'
  | 'abbreviation'
  | 'genitive'
  | 'passive'
  | 'subjunctive'
  | 'semicolon'
  | 'long-word'
  | 'number-word';

/** One rule a sentence breaks; `start`/`end` within the text that was checked. */
export interface LeichtFinding {
  rule: LeichtRule;
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  start: number;
  end: number;
}

/** A sentence may have this many words; a longer one is a warning, over `MAX_WORDS` an error. */
export const GOOD_WORDS = 15;
const MAX_WORDS = 20;

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const word = (alternatives: string, flags = 'gu') =>
  new RegExp(`${NOT_LETTER_BEFORE}(?:${alternatives})${NOT_LETTER_AFTER}`, flags);

const ABBREVIATIONS = [
  word(
    'z\\.\\s?B\\.|u\\.\\s?a\\.|d\\.\\s?h\\.|o\\.\\s?ä\\.|u\\.\\s?U\\.|zB|evtl\\.?|bzw\\.?|usw\\.?|ggf\\.?|bspw\\.?|inkl\\.?|zzgl\\.?|ca\\.|vgl\\.|sog\\.|etc\\.?|Nr\\.|Tel\\.|Str\\.|Abs\\.|Std\\.|Min\\.|Mo\\.|Di\\.|Mi\\.|Do\\.|Fr\\.|Sa\\.|So\\.|Kfz|Pkw|Lkw',
  ),
  // A word in capitals: IT, BSI, EDV, DSGVO (also in "IT-Systeme").
  new RegExp(`${NOT_LETTER_BEFORE}\\p{Lu}{2,}\\p{N}*(?![\\p{L}])`, 'gu'),
];

const SUBJUNCTIVE = word(
  'würde|würden|würdest|würdet|hätte|hätten|hättest|wäre|wären|wärst|wärt|könnte|könnten|könntest|müsste|müssten|dürfte|dürften|sollte|sollten|möchte|möchten|bräuchte|bräuchten|käme|kämen|ginge',
  'giu',
);
const GENITIVE_ARTICLE = word('des|eines', 'giu');
const GENITIVE_PREPOSITION = word(
  '(?:wegen|während|trotz|statt|anstatt|aufgrund|innerhalb|außerhalb|mithilfe|anhand|infolge|bezüglich)\\s+(?:der|einer)',
  'giu',
);
/**
 * "der"/"einer" right after a noun (a capitalised word, not the first, not after a colon):
 * "die Daten der Stadt".
 */
const AFTER_NOUN = /(?<=(?:^|\s)\S*[^\s:]\s+)(\p{Lu}[\p{L}·-]*)\s+(der|einer)(?![\p{L}])/gu;
const PRONOUNS = /^(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)$/;
const PASSIVE_AUX = word('wird|werden|wurde|wurden|worden|werde|wirst', 'giu');
const PARTICIPLE =
  /^(?:(?:ab|an|auf|aus|bei|ein|fest|frei|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen|wieder)?ge\p{L}{3,}(?:t|en)|\p{L}{3,}iert|(?:be|ver|er|ent|zer|emp)\p{L}{3,}t)$/u;
const NUMBER_WORDS = word(
  'zwei|drei|vier|fünf|sechs|sieben|neun|zehn|zwölf|zwanzig|dreißig|hundert|tausend',
  'giu',
);
const LONG_WORD = /[\p{L}]{21,}/gu;

type Check = (sentence: string) => LeichtFinding[];

const found = (
  rule: LeichtRule,
  severity: LeichtFinding['severity'],
  match: { index: number; 0: string },
  message: string,
  hint: string,
): LeichtFinding => ({
  rule,
  severity,
  message,
  hint,
  start: match.index,
  end: match.index + match[0].length,
});

const checkLength: Check = (s) => {
  const words = countWords(s);
  if (words <= GOOD_WORDS) return [];
  const severity = words > MAX_WORDS ? 'error' : 'warning';
  const limit = words > MAX_WORDS ? `more than ${MAX_WORDS}` : `more than ${GOOD_WORDS}`;
  return [
    found(
      'length',
      severity,
      { index: 0, 0: s },
      `sentence of ${words} words (${limit}): "${quote(s)}"`,
      `make two sentences: one statement each, at most ${GOOD_WORDS} words`,
    ),
  ];
};

const checkAbbreviations: Check = (s) =>
  ABBREVIATIONS.flatMap((re) => [...s.matchAll(re)]).map((m) =>
    found(
      'abbreviation',
      'error',
      m,
      `abbreviation "${m[0]}"`,
      m[0] === 'IT'
        ? 'write "Computer-Systeme" or explain the word once'
        : 'write the words out ("zum Beispiel"), or explain the word once',
    ),
  );

const checkGenitive: Check = (s) => {
  const matches: { index: number; 0: string }[] = [
    ...s.matchAll(GENITIVE_ARTICLE),
    ...s.matchAll(GENITIVE_PREPOSITION),
  ];
  for (const m of s.matchAll(AFTER_NOUN))
    if (!PRONOUNS.test(m[1]!))
      matches.push({ index: m.index + m[0].length - m[2]!.length, 0: m[2]! });
  return matches.map((m) =>
    found(
      'genitive',
      'warning',
      m,
      `genitive "${m[0]}"`,
      'say it with "von" or "bei": "die Daten von der Stadt"',
    ),
  );
};

const checkPassive: Check = (s) => {
  const aux = [...s.matchAll(PASSIVE_AUX)];
  const first = aux[0];
  if (!first) return [];
  const later = s.slice(first.index);
  const isPassive =
    aux.some((m) => m[0].toLowerCase() === 'worden') ||
    later.split(/[^\p{L}]+/u).some((w) => PARTICIPLE.test(w));
  if (!isPassive) return [];
  return [
    found(
      'passive',
      'warning',
      first,
      `passive "${first[0]} …"`,
      'say who does it: "Wir prüfen die Computer" instead of "Die Computer werden geprüft"',
    ),
  ];
};

const checkSubjunctive: Check = (s) =>
  [...s.matchAll(SUBJUNCTIVE)].map((m) =>
    found(
      'subjunctive',
      'warning',
      m,
      `subjunctive "${m[0]}"`,
      'say it plainly: "kann", "ist", "hat"',
    ),
  );

const checkSemicolons: Check = (s) =>
  [...s.matchAll(/;/g)].map((m) =>
    found(
      'semicolon',
      'error',
      m,
      'semicolon',
      'end the sentence with a period and start a new one',
    ),
  );

const checkLongWords: Check = (s) =>
  [...s.matchAll(LONG_WORD)].map((m) =>
    found(
      'long-word',
      'warning',
      m,
      `long word "${m[0]}"`,
      'split it with a middle dot or a hyphen: "Bürger·dienste", "Computer-Systeme"',
    ),
  );

const checkNumberWords: Check = (s) =>
  [...s.matchAll(NUMBER_WORDS)].map((m) =>
    found('number-word', 'warning', m, `number in words "${m[0]}"`, 'write numbers as digits: "3"'),
  );

const CHECKS: Check[] = [
  checkLength,
  checkAbbreviations,
  checkSemicolons,
  checkGenitive,
  checkPassive,
  checkSubjunctive,
  checkLongWords,
  checkNumberWords,
];

/** Every rule one sentence breaks, in the order of the sentence. */
export function checkSentence(sentence: string): LeichtFinding[] {
  return CHECKS.flatMap((check) => check(sentence)).sort((a, b) => a.start - b.start);
}

/** A sentence as a message quotes it: its first words. */
function quote(sentence: string): string {
  const words = sentence.split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(' ')} …` : sentence;
}

/** A finding in a text: its sentence, and where in the text the finding starts. */
export interface TextFinding extends LeichtFinding {
  sentence: Sentence;
}

/**
 * Every rule that each sentence of `text` breaks, with offsets in `text`. `markdown`: the text is
 * Markdown as written (markup is not counted); else plain text with one sentence per line.
 */
export function checkLeichtText(text: string, options: { markdown?: boolean } = {}): TextFinding[] {
  const plain = options.markdown ? blankMarkdown(text) : text;
  const sentences = splitSentences(plain, options.markdown ? {} : { perLine: true });
  return sentences.flatMap((sentence) =>
    checkSentence(sentence.text).map((f) => ({
      ...f,
      sentence,
      start: sentence.start + f.start,
      end: sentence.start + f.end,
    })),
  );
}
