import { renderText } from '../formats/markdown.js';
import type { Incident } from '../incident/incident.js';
import type { KeyPath } from '../incident/locate.js';
import type { Localized } from '../incident/schema.js';
import type { RenderedCheck } from '../incident/validate.js';
import { checkLeichtText, type TextFinding } from '../lang/leicht-rules.js';
import { buildViewModel } from '../view/model.js';
import { buildDocumentFromView } from './document.js';
import type { TemplateEngine } from './engine.js';
import { readVariants } from './variants.js';

/** The variant in Leichte Sprache, and the language it is written in. */
export const LEICHT = 'leicht';
const LANG = 'de';

/** The line every unchecked page carries, worded as the issue (and Aschaffenburg) put it. */
export const UNCHECKED = 'Dieser Text wurde nicht von einer Prüfgruppe geprüft.';

/** A value of the file that the page shows inside a built-in sentence: a name, the hours. */
interface DataValue {
  path: KeyPath;
  text: string;
  /** Whether `leicht.names` can give it another name. */
  renamable: boolean;
}

/** The German text of a value and its key path (`services.0.name` or `services.0.name.de`). */
function german(path: KeyPath, value: Localized, fileLang: string): [KeyPath, string] | undefined {
  if (typeof value === 'string') return fileLang === LANG ? [path, value] : undefined;
  return value.de === undefined ? undefined : [[...path, LANG], value.de];
}

/** The names and texts of the file that the page places in its own sentences, as shown there. */
function dataValues(incident: Incident): DataValue[] {
  const names = incident.leicht?.names ?? [];
  const values: DataValue[] = [];
  const add = (path: KeyPath, value: unknown) => {
    const found = german(path, value as Localized, incident.lang);
    if (!found) return;
    const k = names.findIndex((n) => n.name === found[1]);
    values.push(
      k < 0
        ? { path: found[0], text: found[1], renamable: true }
        : { path: ['leicht', 'names', k, 'leicht'], text: names[k]!.leicht, renamable: false },
    );
  };
  add(['organization', 'name'], incident.organization.name);
  incident.services.forEach((s, i) => add(['services', i, 'name'], s.name));
  incident.incident.affected.forEach((a, i) => add(['incident', 'affected', i], a));
  const hours = incident.contacts?.hotline?.hours;
  if (hours !== undefined) add(['contacts', 'hotline', 'hours'], hours);
  const checkedBy = incident.leicht?.checked_by;
  if (checkedBy !== undefined)
    values.push({ path: ['leicht', 'checked_by'], text: checkedBy, renamable: false });
  return values;
}

/**
 * The page's text without the organisation's own texts (checked where they are written,
 * `incident/leicht-fields.ts`): the built-in sentences with the file's data, one per line.
 */
function renderBuiltIn(incident: Incident, engine: TemplateEngine): string {
  const config = readVariants(engine.store)[LEICHT]!;
  const view = buildViewModel(incident, LANG, undefined, config);
  view.leicht = { ...view.leicht!, questions: [] };
  delete view.leicht.about;
  const doc = buildDocumentFromView(incident, { name: LEICHT, config }, LANG, engine, {}, view);
  return renderText(doc.tokens);
}

/** Where a finding stands within a data value of its sentence (it overlaps the value), if it does. */
function within(finding: TextFinding, text: string, value: DataValue): number | undefined {
  const sentence = text.slice(finding.sentence.start, finding.sentence.end);
  for (let at = sentence.indexOf(value.text); at >= 0; at = sentence.indexOf(value.text, at + 1)) {
    const start = finding.sentence.start + at;
    if (finding.rule === 'length') return 0;
    // Overlapping is enough: "Mo–Fr" and the template's period make "Fr.".
    if (finding.start < start + value.text.length && finding.end > start)
      return Math.max(0, finding.start - start);
  }
  return undefined;
}

/**
 * The page in Leichte Sprache, rendered, sentence by sentence: a rule broken inside a name of the
 * file (or a sentence made too long by one) is a warning at that name, with the `leicht.names`
 * line that gives it a name in Leichte Sprache; a rule broken by the template's own words is an
 * error of the template. Run when the page will be rendered: the file has `leicht:`, or
 * `explicit` (it was asked for by name), and German is among `languages`.
 */
export function leichtCheck(engine: TemplateEngine, explicit = false): RenderedCheck {
  return (incident, languages, report) => {
    // The cheap conditions first: reading the variants costs a file read per check.
    if (!languages.includes(LANG) || !(incident.leicht || explicit)) return;
    if (!readVariants(engine.store)[LEICHT]) return;
    const text = renderBuiltIn(incident, engine);
    const values = dataValues(incident).sort((a, b) => b.text.length - a.text.length);
    const seen = new Set<string>();
    for (const finding of checkLeichtText(text)) {
      const sentence = finding.sentence.text;
      if (sentence === UNCHECKED) continue;
      const value = values.find((v) => within(finding, text, v) !== undefined);
      const key = `${value?.path.join('.') ?? ''} ${finding.rule} ${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!value) {
        report(
          [],
          `the ${LEICHT} template breaks a rule of Leichte Sprache: ${finding.message}`,
          `its own sentence "${sentence}": fix ${LANG}/${LEICHT}.md.hbs`,
          { severity: 'error' },
        );
        continue;
      }
      const hint = value.renamable
        ? `write it in Leichte Sprache for the page: leicht: { names: [{ name: ${JSON.stringify(value.text)}, leicht: … }] }`
        : 'write it shorter and plainer';
      report(
        value.path,
        `on the page in Leichte Sprache: ${finding.message}${finding.rule === 'length' ? '' : ` in "${sentence}"`}`,
        hint,
        {
          severity: 'warning',
          within: { value: value.text, offset: within(finding, text, value)! },
        },
      );
    }
  };
}
