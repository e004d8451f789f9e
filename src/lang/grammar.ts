import { ARTICLES, GENDERS, dativePluralName, type CaseForms, type Gender } from './declension.js';

export { GENDERS, type Gender };

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

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const possessive = (name: string): string => (/s$/i.test(name) ? `${name}'` : `${name}'s`);
const join = (article: string, name: string): string => (article ? `${article} ${name}` : name);

/** How `organization.grammar` declares the name: its gender, and its genitive or all four forms. */
export interface NameGrammar {
  gender: Gender;
  genitive?: string | undefined;
  forms?: CaseForms | undefined;
}

/**
 * The organisation's name in German sentences. Feminine singular is the default ("die regio iT");
 * masculine, neuter, plural and names without article are declared in `organization.grammar`,
 * and a name whose words change with the case gives all four `forms` ("des Kommunalen
 * Rechenzentrums Niederrhein"); `faq check` refuses a name that needs them and lacks them.
 */
export function germanForms(
  name: string,
  gender: Gender,
  genitive?: string,
  forms?: CaseForms,
): OrgForms {
  const plural = gender === 'plural';
  const verbs = { is: plural ? 'sind' : 'ist', has: plural ? 'haben' : 'hat' };
  if (forms) {
    const Nom = gender === 'none' ? forms.nom : capitalize(forms.nom);
    return { nom: forms.nom, Nom, gen: forms.gen, dat: forms.dat, acc: forms.acc, ...verbs };
  }
  const [nom, gen, dat, acc] = ARTICLES[gender];
  const genitiveName = genitive ?? name;
  // A feminine name reads the same after the genitive's and the dative's "der".
  const dativeName = gender === 'feminine' ? genitiveName : plural ? dativePluralName(name) : name;
  return {
    nom: join(nom, name),
    Nom: nom ? `${capitalize(nom)} ${name}` : name,
    gen: gender === 'none' ? `von ${name}` : join(gen, genitiveName),
    dat: join(dat, dativeName),
    acc: join(acc, name),
    ...verbs,
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

/** The forms of the organisation's name that the templates of `lang` use (`org.nom`, `org.gen` …). */
export function orgForms(lang: string, name: string, grammar: NameGrammar): OrgForms {
  return lang === 'de'
    ? germanForms(name, grammar.gender, grammar.genitive, grammar.forms)
    : englishForms(name, grammar.gender);
}

/**
 * "bei ihrem IT-Dienstleister" / "bei seinem …" / "beim …" (a name without article); "at its …"
 * ("their" for a plural name): how a customer's sentences name the provider it depends on.
 */
export function atProvider(lang: string, gender: Gender): string {
  if (lang !== 'de') return `at ${gender === 'plural' ? 'their' : 'its'} IT service provider`;
  if (gender === 'none') return 'beim IT-Dienstleister';
  return `bei ${gender === 'masculine' || gender === 'neuter' ? 'seinem' : 'ihrem'} IT-Dienstleister`;
}

/** "war" / "waren"; "was" / "were": the verb of a name, in the past. */
export function pastOfIs(lang: string, gender: Gender): string {
  const plural = gender === 'plural';
  return lang === 'de' ? (plural ? 'waren' : 'war') : plural ? 'were' : 'was';
}
