import {
  ARTICLES,
  countLeadingAdjectives,
  guessForms,
  suggestGender,
  type CaseForms,
  type Gender,
} from '../lang/declension.js';
import type { NameGrammar } from '../lang/grammar.js';
import type { Report } from './date-rules.js';
import type { KeyPath } from './locate.js';
import type { IncidentFile } from './schema.js';

const CASES = ['nom', 'gen', 'dat', 'acc'] as const;
const CASE_NAMES = { nom: 'nominative', gen: 'genitive', dat: 'dative', acc: 'accusative' };

/**
 * German names the organisation in four cases; the article alone declines only simple names.
 * A name whose words change ("des Kreises", "des Kommunalen Rechenzentrums") must say how, or
 * `faq check` refuses it with the four forms to fill in — no wrong German is published.
 * `genderDeclared`: whether the file sets organization.grammar.gender (else it is the default).
 */
export function checkGrammar(input: IncidentFile, genderDeclared: boolean, report: Report): void {
  checkNameGrammar(['organization'], input.organization, genderDeclared, report);
}

/** The same for any name with its `grammar` (the organisation, a customer) at `at`. */
export function checkNameGrammar(
  at: KeyPath,
  { name, grammar }: { name: string; grammar: NameGrammar },
  genderDeclared: boolean,
  report: Report,
): void {
  if (grammar.forms) return checkForms([...at, 'grammar'], grammar.forms, grammar, report);
  const words = name.split(/\s+/);
  const suggested = genderDeclared ? undefined : suggestGender(name);
  const gender = suggested ?? grammar.gender;
  const hint = formsHint(name, gender, genderDeclared && !suggested);
  const where = [...at, 'grammar', 'gender'].join('.');
  if (countLeadingAdjectives(words) > 0) {
    const guess = guessForms(name, gender);
    report(
      [...at, 'name'],
      `the name begins with "${words[0]}", an adjective that changes with the case ("${guess.gen}"): German sentences need the four forms of the name`,
      hint,
    );
  } else if (suggested && suggested !== grammar.gender) {
    report(
      [...at, 'name'],
      `"${name}" looks ${suggested}, but ${where} is not set, so German sentences would say "${ARTICLES[grammar.gender][0]} ${name}"`,
      suggested === 'plural'
        ? 'write grammar: { gender: plural } (or gender: feminine if that is right)'
        : `${hint} (or gender: feminine if "die ${name}" is right)`,
    );
  } else if ((gender === 'masculine' || gender === 'neuter') && grammar.genitive === undefined) {
    report(
      [...at, 'grammar', 'gender'],
      `a ${gender} name changes after "des" ("${guessForms(name, gender).gen}"): German sentences need its genitive or the four forms`,
      hint,
    );
  }
}

/** Each form begins with the article of its case, in lower case: templates capitalise it. */
function checkForms(at: KeyPath, forms: CaseForms, grammar: NameGrammar, report: Report): void {
  const articles = ARTICLES[grammar.gender];
  CASES.forEach((kase, i) => {
    const article = articles[i]!;
    if (!article || forms[kase].startsWith(`${article} `)) return;
    report(
      [...at, 'forms', kase],
      `the ${CASE_NAMES[kase]} of a ${grammar.gender} name begins with "${article}": "${forms[kase]}" does not`,
      `write the whole phrase as it stands in a sentence, article in lower case: "${article} …"`,
    );
  });
}

/** The `grammar:` line to paste, with a best guess at the four forms. */
function formsHint(name: string, gender: Gender, genderKnown: boolean): string {
  const guess = guessForms(name, gender);
  const forms = CASES.map((k) => `${k}: ${flowValue(guess[k])}`).join(', ');
  const check = genderKnown ? 'check each form' : 'check the gender and each form';
  return `write grammar: { gender: ${gender}, forms: { ${forms} } } and ${check}`;
}

/** A value inside a YAML flow mapping, quoted only when it must be. */
function flowValue(value: string): string {
  return /[,{}[\]#:"']|^[\s&*!|>%@`?-]/.test(value) ? JSON.stringify(value) : value;
}
