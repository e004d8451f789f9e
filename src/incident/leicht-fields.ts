import { checkLeichtText } from '../lang/leicht-rules.js';
import type { Report } from './date-rules.js';
import type { KeyPath } from './locate.js';
import type { IncidentFile, Localized } from './schema.js';

/** The German text of a field, with its key path (`leicht.about` or `leicht.about.de`). */
function germanText(
  path: KeyPath,
  value: Localized | undefined,
  fileLang: string,
): [KeyPath, string] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return fileLang === 'de' ? [path, value] : undefined;
  return value.de === undefined ? undefined : [[...path, 'de'], value.de];
}

/**
 * The organisation's own texts in Leichte Sprache (`leicht.about`, `leicht.questions`): every
 * sentence is checked against the rules (`lang/leicht-rules.ts`), each finding reported at its
 * line and column in the file. Sure rules are errors, guesses warnings.
 */
export function checkLeichtFields(input: IncidentFile, report: Report): void {
  const leicht = input.leicht;
  if (!leicht) return;
  const fields: [KeyPath, unknown, boolean][] = [
    [['leicht', 'about'], leicht.about, true],
    ...leicht.questions.flatMap((q, i): [KeyPath, unknown, boolean][] => [
      [['leicht', 'questions', i, 'question'], q.question, false],
      [['leicht', 'questions', i, 'answer'], q.answer, true],
    ]),
  ];
  for (const [field, value, markdown] of fields) {
    const text = germanText(field, value as Localized | undefined, input.lang);
    if (!text) continue;
    const [path, written] = text;
    for (const finding of checkLeichtText(written, { markdown })) {
      report(path, `Leichte Sprache: ${finding.message}`, finding.hint, {
        severity: finding.severity,
        within: { value: written, offset: finding.start },
      });
    }
  }
}
