import { LANGUAGES, type Lang } from '../lang/index.js';
import type { Report } from './date-rules.js';
import type { KeyPath } from './locate.js';
import { findUnsafeLinks } from './markdown-safety.js';
import { IncidentSchema, type IncidentFile, type Localized } from './schema.js';
import { visitFields } from './walk.js';

/** Every link target in every Markdown field must be one that may be published. */
export function checkMarkdown(input: IncidentFile, report: Report): void {
  visitFields(IncidentSchema, input, ['localized-markdown'], (value, path) => {
    for (const [subPath, text] of texts(path, value as Localized)) {
      for (const { href, reason } of findUnsafeLinks(text)) {
        report(
          subPath,
          reason === 'user'
            ? `link target ${JSON.stringify(href)} is not allowed: it names a user before "@", which a reader takes for the address`
            : `link target ${JSON.stringify(href)} is not allowed: links must be http(s), mailto, tel or relative`,
          reason === 'user'
            ? 'write only the address, e.g. https://www.example.org/page'
            : 'remove the link or use a web address',
          { needle: href },
        );
      }
    }
  });
}

function texts(path: KeyPath, value: Localized): [KeyPath, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value).flatMap(([lang, text]) =>
    text === undefined ? [] : [[[...path, lang], text] as [KeyPath, string]],
  );
}

/** Every localized text (Markdown fields first) must have each language that will be rendered. */
export function checkLanguages(input: IncidentFile, wanted: readonly Lang[], report: Report): void {
  const fileLang = input.lang;
  const check = (value: unknown, path: KeyPath): void => {
    const localized = value as Localized;
    for (const lang of wanted) {
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
