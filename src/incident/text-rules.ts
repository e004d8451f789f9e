import { LANGUAGES, type Lang } from '../lang/index.js';
import type { Report } from './date-rules.js';
import type { KeyPath } from './locate.js';
import { checkMarkdownText } from './markdown-check.js';
import { IncidentSchema, type IncidentFile, type Localized } from './schema.js';
import { visitFields } from './walk.js';

/** Every Markdown field: within the limits of a Markdown parser, and only safe link targets. */
export function checkMarkdown(input: IncidentFile, report: Report): void {
  visitFields(IncidentSchema, input, ['localized-markdown'], (value, path) => {
    for (const [subPath, text] of texts(path, value as Localized))
      checkMarkdownText(subPath, text, report);
  });
}

function texts(path: KeyPath, value: Localized): [KeyPath, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value).flatMap(([lang, text]) =>
    text === undefined ? [] : [[[...path, lang], text] as [KeyPath, string]],
  );
}

/**
 * Every localized text (Markdown fields first) that will be shown in a language that will be
 * rendered must have it.
 */
export function checkLanguages(
  input: IncidentFile,
  wanted: readonly Lang[],
  report: Report,
  isShown: (path: KeyPath, lang: Lang) => boolean = () => true,
): void {
  const fileLang = input.lang;
  const check = (value: unknown, path: KeyPath): void => {
    const localized = value as Localized;
    for (const lang of wanted) {
      if (!isShown(path, lang)) continue;
      const has = typeof localized === 'string' ? lang === fileLang : localized[lang] !== undefined;
      if (has) continue;
      const other = LANGUAGES.filter((l) => l !== lang);
      report(
        path,
        `${path.join('.')} has no '${lang}' text`,
        `write it as a map { ${[fileLang, lang, ...other]
          .filter((l, k, a) => a.indexOf(l) === k)
          .slice(0, 2)
          .map((l) => `${l}: …`)
          .join(', ')} }`,
      );
    }
  };
  visitFields(IncidentSchema, input, ['localized-markdown'], check);
  visitFields(IncidentSchema, input, ['localized-text'], check);
}
