/** Grammatical gender of an organisation's name, for articles and verbs that agree with it. */
export const GENDERS = ['feminine', 'masculine', 'neuter', 'plural', 'none'] as const;
export type Gender = (typeof GENDERS)[number];

/** The name in the four German cases, each with its article, as it stands in a sentence. */
export interface CaseForms {
  nom: string;
  gen: string;
  dat: string;
  acc: string;
}

/** The definite article of each case: nominative, genitive, dative, accusative. */
export const ARTICLES: Record<Gender, readonly [string, string, string, string]> = {
  feminine: ['die', 'der', 'der', 'die'],
  masculine: ['der', 'des', 'dem', 'den'],
  neuter: ['das', 'des', 'dem', 'das'],
  plural: ['die', 'der', 'den', 'die'],
  none: ['', '', '', ''],
};

// The stems of adjectives that open organisation names: "Kommunal-e", "Städtisch-er",
// "Öffentlich-e", "Gemeinsam-e", "Kreisfrei-e", "Landeseigen-e" … and a few short ones.
const ADJECTIVE_STEM = /(?:al|ell|isch|lich|ig|bar|sam|iv|är|haft|frei|eigen)$/;
const ADJECTIVE_WORDS = new Set(['neu', 'groß', 'alt', 'deutsch', 'allgemein', 'vereinigt']);
// "Wuppertaler Stadtwerke", "Leipziger Verkehrsbetriebe": adjectives from place names never change.
const PLACE_STEM = /(?:tal|thal|zig|weig)$/;
// Nouns that look like adjectives: "Filiale Nord", "Datenzentrale Mecklenburg".
const NOT_ADJECTIVE = /^(?:.+zentrale|filiale|portale|zweige|archive|modelle)$/;

const ENDING = /^(\p{Lu}[\p{L}-]*?)(er|es|en|e)$/u;

/** The stem of a word that is a declined adjective ("Kommunales" → "Kommunal"), or undefined. */
function adjectiveStem(word: string): string | undefined {
  const match = ENDING.exec(word);
  if (!match || NOT_ADJECTIVE.test(word.toLowerCase())) return undefined;
  const stem = match[1]!;
  const lower = stem.toLowerCase();
  if (match[2] === 'er' && PLACE_STEM.test(lower) && lower !== 'digital') return undefined;
  return ADJECTIVE_STEM.test(lower) || ADJECTIVE_WORDS.has(lower) ? stem : undefined;
}

const startsUpper = (word: string | undefined): boolean => !!word && /^\p{Lu}/u.test(word);

/**
 * How many words at the start of the name are adjectives before a noun ("Kommunales
 * Rechenzentrum …": 1; "Freie und Hansestadt Hamburg": 2 with the "und"). 0 for most names.
 */
export function countLeadingAdjectives(words: readonly string[]): number {
  let n = 0;
  while (n < words.length && adjectiveStem(words[n]!) !== undefined) {
    const next = words[n + 1];
    if (startsUpper(next)) n += 1;
    else if (next === 'und' && startsUpper(words[n + 2])) n += 2;
    else break;
  }
  return n;
}

/**
 * Where the head noun stands: after the declinable adjectives and after adjectives from place
 * names, which never change ("Aachener Verkehrsverbund", "Berliner Wasserbetriebe").
 */
function findHead(words: readonly string[]): number {
  let i = countLeadingAdjectives(words);
  while (i < words.length - 1 && /^\p{Lu}\p{Ll}+er$/u.test(words[i]!) && startsUpper(words[i + 1]))
    i += 1;
  return i;
}

/** "Stadtwerke Musterstadt" → "Stadtwerken Musterstadt": the name after the dative plural "den". */
export function dativePluralName(name: string): string {
  const words = name.split(/\s+/);
  const head = findHead(words);
  return words.map((w, i) => (i === head ? dativePlural(w) : w)).join(' ');
}

/** Whether the name begins with an adjective that changes with the case ("Kommunale …"). */
export function startsWithAdjective(name: string): boolean {
  return countLeadingAdjectives(name.split(/\s+/)) > 0;
}

// The head noun's gender, from how it ends ("Landkreis", "Rhein-Pfalz-Kreis", "Landratsamt").
const HEAD_GENDERS: [RegExp, Gender][] = [
  [/(?:kreis|verband|betrieb|bezirk|verbund|senat|markt)$/, 'masculine'],
  [/(?:amt|zentrum|ministerium|institut|büro|referat|dezernat)$/, 'neuter'],
  [/(?:werke|betriebe|dienste)$/, 'plural'],
];

/** The gender the name's head noun suggests, if it is a known one ("Kreis Musterkreis": masculine). */
export function suggestGender(name: string): Gender | undefined {
  const words = name.split(/\s+/);
  const head = words[findHead(words)];
  if (!head || !startsUpper(head) || head === head.toUpperCase()) return undefined;
  const lower = head.toLowerCase();
  for (const [pattern, gender] of HEAD_GENDERS) if (pattern.test(lower)) return gender;
  const ending = ENDING.exec(words[0]!)?.[2];
  if (words.length > 1 && adjectiveStem(words[0]!) !== undefined)
    return ending === 'er' ? 'masculine' : ending === 'es' ? 'neuter' : undefined;
  return undefined;
}

// Weak adjective endings after the definite article, by case; plural and feminine/neuter differ.
function adjectiveEnding(gender: Gender, kase: number): string {
  if (gender === 'plural' || kase === 1 || kase === 2) return 'en';
  if (kase === 3 && gender === 'masculine') return 'en';
  return 'e';
}

/** "Kreis" → "Kreises", "Zweckverband" → "Zweckverbands"; acronyms ("KRZN") stay. */
function genitiveNoun(noun: string): string {
  if (!startsUpper(noun) || noun === noun.toUpperCase() || /\d/.test(noun)) return noun;
  if (/nis$/.test(noun)) return `${noun}ses`;
  return /(?:s|ß|x|z)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

/** "Stadtwerke" → "Stadtwerken": a noun's dative plural ends in -n (unless in -n or -s). */
function dativePlural(noun: string): string {
  return /(?:e|el|er)$/.test(noun) && startsUpper(noun) ? `${noun}n` : noun;
}

function inflectHead(noun: string, gender: Gender, kase: number): string {
  if (kase === 1 && (gender === 'masculine' || gender === 'neuter')) return genitiveNoun(noun);
  if (kase === 2 && gender === 'plural') return dativePlural(noun);
  return noun;
}

/**
 * A best guess at the four forms of a name, for the hint of `faq check`: leading adjectives take
 * the weak ending, a masculine or neuter head noun its genitive -s, a plural one its dative -n.
 * The user checks it; no sentence is built from a guess.
 */
export function guessForms(name: string, gender: Gender): CaseForms {
  if (gender === 'none') return { nom: name, gen: `von ${name}`, dat: name, acc: name };
  const words = name.split(/\s+/);
  const adjectives = countLeadingAdjectives(words);
  const head = findHead(words);
  const build = (kase: number): string => {
    const declined = words.map((word, i) => {
      if (i < adjectives) {
        const stem = adjectiveStem(word);
        return stem === undefined ? word : stem + adjectiveEnding(gender, kase);
      }
      return i === head ? inflectHead(word, gender, kase) : word;
    });
    return `${ARTICLES[gender][kase]!} ${declined.join(' ')}`;
  };
  return { nom: build(0), gen: build(1), dat: build(2), acc: build(3) };
}
