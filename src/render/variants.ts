import { FORMATS, FORMAT_NAMES } from '../formats/registry.js';
import { IncidentSchema, PHASES, STATUSES } from '../incident/schema.js';
import { suggestion } from '../incident/suggest.js';
import { listFields } from '../incident/walk.js';
import { NOTICE_KINDS } from '../notices/limits.js';
import type { Variant } from '../shared.js';
import { parseJson, templateError, type TemplateStore } from './templates.js';

const TOP_KEYS = Object.keys(IncidentSchema.shape);

/** The settings a variant may have in variants.json, with what each must be. */
const SETTINGS: Record<keyof Variant, (value: unknown) => boolean> = {
  formats: (v) => Array.isArray(v) && v.length > 0 && v.every((f) => typeof f === 'string'),
  layout: (v) => typeof v === 'string' && v !== '',
  titleIsSubject: (v) => typeof v === 'boolean',
  perRecipient: (v) => typeof v === 'boolean',
  perCustomer: (v) => typeof v === 'boolean',
  faqPage: (v) => typeof v === 'boolean',
  scope: (v) => v === 'incident',
  perLanguage: (v) => typeof v === 'boolean',
  page: (v) => typeof v === 'string' && v !== '',
  maxLength: (v) => Number.isInteger(v) && (v as number) > 0,
  omits: (v) => Array.isArray(v) && v.every((p) => typeof p === 'string' && p !== ''),
  when: (v) => isCondition(v),
  itemTable: (v) => typeof v === 'boolean',
  langs: (v) => Array.isArray(v) && v.length > 0 && v.every((l) => typeof l === 'string'),
  renderedWith: (v) => typeof v === 'string' && TOP_KEYS.includes(v),
  style: (v) => typeof v === 'string' && /^[a-z0-9-]+$/.test(v),
  lineBreaks: (v) => typeof v === 'boolean',
  notice: (v) => typeof v === 'string' && (NOTICE_KINDS as readonly string[]).includes(v),
};

const EXPECTED: Record<keyof Variant, string> = {
  formats: 'a list of formats',
  layout: 'the name of a layout under layouts/',
  titleIsSubject: 'true or false',
  perRecipient: 'true or false',
  perCustomer: 'true or false',
  faqPage: 'true or false',
  scope: '"incident" (one document per incident, the only scope so far)',
  perLanguage: 'true or false',
  page: 'the name of another variant, e.g. "faq"',
  maxLength: 'a whole number of characters',
  omits: 'a list of key paths of the incident file, e.g. ["email", "organization.about"]',
  when: `an object with "has" (a key path of the incident file), "status" (some of ${STATUSES.join(', ')}) or "phase" (some of ${PHASES.join(', ')}), e.g. { "phase": ["resolved"] }`,
  itemTable: 'true or false',
  langs: 'a list of the languages it is written in, e.g. ["de"]',
  renderedWith: 'a top-level key of the incident file, e.g. "leicht"',
  style: 'the name of a stylesheet under layouts/ (a-z, 0-9, "-"), e.g. "leicht"',
  lineBreaks: 'true or false',
  notice: `one of ${NOTICE_KINDS.join(', ')} (a short notice, built without a template)`,
};

const isListOf = (v: unknown, valid: readonly string[]): boolean =>
  Array.isArray(v) && v.length > 0 && v.every((x) => valid.includes(x as string));

/** `when`: at least one condition, each a known key path, statuses or phases. */
function isCondition(v: unknown): boolean {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const c = v as Record<string, unknown>;
  const keys = Object.keys(c);
  return (
    keys.length > 0 &&
    keys.every((k) => ['has', 'status', 'phase'].includes(k)) &&
    (c.has === undefined || FIELD_PATHS.includes(c.has as string)) &&
    (c.status === undefined || isListOf(c.status, STATUSES)) &&
    (c.phase === undefined || isListOf(c.phase, PHASES))
  );
}

/** What is wrong with one entry of variants.json, as [message, hint]; undefined if nothing. */
function checkVariant(name: string, entry: unknown): [string, string?] | undefined {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry))
    return [`variant "${name}" needs "formats" (a list) and "layout"`];
  const config = entry as Record<string, unknown>;
  const settings = Object.keys(SETTINGS);
  for (const key of Object.keys(config)) {
    if (!settings.includes(key))
      return [`variant "${name}" has an unknown setting "${key}"`, suggestion(key, settings)];
  }
  const formats = SETTINGS.formats(config.formats) ? (config.formats as string[]) : undefined;
  // A notice's HTML is a snippet of its own (the banner), not a page in a layout.
  const needsLayout =
    config.notice === undefined && (!formats || formats.some((f) => FORMATS[f]?.needsLayout));
  const missing = [
    ...(formats ? [] : ['"formats" (a list)']),
    ...(needsLayout && config.layout === undefined ? ['"layout"'] : []),
  ];
  if (missing.length > 0) return [`variant "${name}" needs ${missing.join(' and ')}`];
  const unknown = formats!.find((f) => !FORMATS[f]);
  if (unknown)
    return [
      `variant "${name}" has an unknown format "${unknown}"`,
      suggestion(unknown, FORMAT_NAMES),
    ];
  for (const [key, isValid] of Object.entries(SETTINGS))
    if (config[key] !== undefined && !isValid(config[key]))
      return [`variant "${name}": "${key}" must be ${EXPECTED[key as keyof Variant]}`];
  return checkSource(name, formats!) ?? checkOmits(name, config.omits as string[] | undefined);
}

/**
 * A variant is rendered either from its Markdown template or from the incident's facts (feeds,
 * status.json): one document cannot be both.
 */
function checkSource(name: string, formats: readonly string[]): [string, string?] | undefined {
  const fromFacts = formats.filter((f) => FORMATS[f]!.fromFacts);
  if (fromFacts.length === 0 || fromFacts.length === formats.length) return undefined;
  const fromTemplate = formats.filter((f) => !FORMATS[f]!.fromFacts);
  return [
    `variant "${name}" mixes formats of its template (${fromTemplate.join(', ')}) with formats built from the facts (${fromFacts.join(', ')})`,
    'make two variants, e.g. "faq" with html and "feed" with atom',
  ];
}

/** Key paths of the incident file (lists and records looked through): "questions.answer". */
const FIELD_PATHS = listFields(IncidentSchema)
  .map((f) => f.path.filter((p) => p !== '[]' && p !== '{}').join('.'))
  .filter((p) => p !== '');

/** A misspelled path would omit nothing, silently: it is refused. */
function checkOmits(name: string, omits: string[] | undefined): [string, string?] | undefined {
  const unknown = omits?.find((path) => !FIELD_PATHS.includes(path));
  if (unknown === undefined) return undefined;
  return [
    `variant "${name}" omits "${unknown}", which is no key path of the incident file`,
    suggestion(unknown, FIELD_PATHS),
  ];
}

const read = new WeakMap<TemplateStore, Record<string, Variant>>();

/**
 * The variants of a template store, from its `variants.json` (an overlay's replaces the built-in
 * one), each checked: a broken entry is bad input at the file, not a failure later.
 */
export function readVariants(store: TemplateStore): Record<string, Variant> {
  const known = read.get(store);
  if (known) return known;
  const file = store.read('variants.json');
  const variants = (file ? parseJson(file) : {}) as Record<string, unknown>;
  if (!variants || typeof variants !== 'object' || Array.isArray(variants))
    throw templateError(file!.display, 'variants.json must be an object: { "name": { … } }');
  for (const [name, entry] of Object.entries(variants ?? {})) {
    const problem = checkVariant(name, entry);
    if (problem) throw templateError(file!.display, problem[0], 1, 1, problem[1]);
    const page = (entry as Variant).page;
    if (page !== undefined && (page === name || !Object.hasOwn(variants, page)))
      throw templateError(
        file!.display,
        `variant "${name}": "page" names "${page}", which is no other variant`,
        1,
        1,
        suggestion(page, Object.keys(variants)),
      );
  }
  read.set(store, variants as Record<string, Variant>);
  return variants as Record<string, Variant>;
}
