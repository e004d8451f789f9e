/** Grammatical gender of an organisation's name, for articles and verbs that agree with it. */
export const GENDERS = ['feminine', 'masculine', 'neuter', 'plural', 'none'] as const;
export type Gender = (typeof GENDERS)[number];

/** How a sentence names the organisation in each case, with the verbs that agree with it. */
export interface OrgForms {
  /** Nominative: "die regio iT". */
  nom: string;
  /** Nominative at the start of a sentence: "Die regio iT". */
  Nom: string;
  /** Genitive: "der regio iT" ("alle Systeme der regio iT"). */
  gen: string;
  /** Dative: "der regio iT" ("bei der regio iT"). */
  dat: string;
  /** Accusative: "die regio iT". */
  acc: string;
  /** "ist" / "sind"; "is" / "are". */
  is: string;
  /** "hat" / "haben"; "has" / "have". */
  has: string;
}

const GERMAN_ARTICLES: Record<Gender, [string, string, string, string]> = {
  feminine: ['die', 'der', 'der', 'die'],
  masculine: ['der', 'des', 'dem', 'den'],
  neuter: ['das', 'des', 'dem', 'das'],
  plural: ['die', 'der', 'den', 'die'],
  none: ['', '', '', ''],
};

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const possessive = (name: string): string => (/s$/i.test(name) ? `${name}'` : `${name}'s`);
const join = (article: string, name: string): string => (article ? `${article} ${name}` : name);

/**
 * The organisation's name in German sentences. Feminine singular is the default ("die regio iT");
 * masculine, neuter, plural and names without article are declared in `organization.grammar`.
 */
export function germanForms(name: string, gender: Gender, genitive?: string): OrgForms {
  const [nom, gen, dat, acc] = GERMAN_ARTICLES[gender];
  const plural = gender === 'plural';
  const genitiveName = genitive ?? name;
  return {
    nom: join(nom, name),
    Nom: nom ? `${capitalize(nom)} ${name}` : name,
    gen: gender === 'none' ? `von ${name}` : join(gen, genitiveName),
    dat: join(dat, name),
    acc: join(acc, name),
    is: plural ? 'sind' : 'ist',
    has: plural ? 'haben' : 'hat',
  };
}

/** English needs no article: "regio iT is …"; the genitive is the possessive "regio iT's". */
export function englishForms(name: string, gender: Gender): OrgForms {
  const plural = gender === 'plural';
  return {
    nom: name,
    Nom: name,
    gen: possessive(name),
    dat: name,
    acc: name,
    is: plural ? 'are' : 'is',
    has: plural ? 'have' : 'has',
  };
}

export function orgForms(lang: string, name: string, gender: Gender, genitive?: string): OrgForms {
  return lang === 'de' ? germanForms(name, gender, genitive) : englishForms(name, gender);
}
