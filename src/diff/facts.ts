import { parseIncidentDate } from '../incident/dates.js';
import { DATE_PATTERN } from '../incident/schema.js';
import { DEFAULT_TIMEZONE } from '../incident/date-rules.js';
import { formatDateTime } from '../lang/dates.js';
import type { JsonSchema } from '../schema/json-schema.js';
import {
  compareKeyedList,
  isObject,
  same,
  withSettledState,
  type FactChange,
} from './list-facts.js';
import { isShownBy, type Variant } from '../shared.js';

export type { FactChange };

export interface FactOptions {
  /** Output language: dates are shown in its long form. */
  lang: string;
  /** The JSON Schema of the file (`faq schema`): which keys are dates, enums, defaults. */
  schema: JsonSchema;
}

type Side = { data: unknown; timezone: string };

const MAX_SHOWN = 60;

/**
 * The facts that differ between two incident files (their YAML data as written), in file order.
 * A key that is left out and one set to its default are the same fact; the status and phase are
 * the settled ones (an update may set them); services are matched by name and updates by date.
 */
export function compareFacts(before: unknown, after: unknown, options: FactOptions): FactChange[] {
  const changes: FactChange[] = [];
  const sides = [side(before), side(after)] as const;
  const compareList: CompareList = (path, a, b) => {
    const facts =
      path.length === 1 ? compareKeyedList(String(path[0]), a, b, sides, options.lang) : undefined;
    if (facts) changes.push(...facts);
    return facts !== undefined;
  };
  walk(sides[0].data, sides[1].data, [], options.schema, compareList, (path, a, b, schema) => {
    const fallback = schema?.default;
    const [x, y] = [a ?? fallback, b ?? fallback];
    if (same(x, y)) return;
    const show = (value: unknown, present: unknown, s: Side): string | undefined =>
      present === undefined && value !== undefined
        ? withDefault(display(value, schema, s, options.lang))
        : display(value, schema, s, options.lang);
    const from = show(x, a, sides[0]);
    const to = show(y, b, sides[1]);
    let change: string;
    if (x === undefined) change = to === undefined ? 'added' : `(not set) → ${to}`;
    else if (y === undefined) change = from === undefined ? 'removed' : `${from} → (not set)`;
    else change = from === undefined || to === undefined ? 'changed' : `${from} → ${to}`;
    changes.push({ path: path.join('.'), change });
  });
  return changes;
}

/** The changes that `variant` shows: not those below one of its `omits` (`questions` in a press release). */
export function selectFactsShownBy(changes: FactChange[], variant: Variant): FactChange[] {
  return changes.filter((change) => isShownBy(variant, change.path.split('.')));
}

/** `incident.findings_expected: 28. November 2026 → 1. Dezember 2026` */
export function formatFactChange(change: FactChange): string {
  return `${change.path}: ${change.change}`;
}

function side(data: unknown): Side {
  const org = isObject(data) && isObject(data.organization) ? data.organization : {};
  const timezone = typeof org.timezone === 'string' ? org.timezone : DEFAULT_TIMEZONE;
  return { data: withSettledState(data, timezone), timezone };
}

type Visit = (
  path: (string | number)[],
  a: unknown,
  b: unknown,
  schema: JsonSchema | undefined,
) => void;

/** Compares a list as a whole (true) or leaves it to the walk (false). */
type CompareList = (path: (string | number)[], a: unknown, b: unknown) => boolean;

function walk(
  a: unknown,
  b: unknown,
  path: (string | number)[],
  schema: JsonSchema | undefined,
  list: CompareList,
  visit: Visit,
): void {
  if (list(path, a, b)) return;
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys)
      walk(a[key], b[key], [...path, key], childSchema(schema, key), list, visit);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && [...a, ...b].some(isObject)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      walk(a[i], b[i], [...path, i], childSchema(schema, i), list, visit);
    return;
  }
  visit(path, a, b, schema);
}

/** The schema of a key or list item below `schema`, looking into `anyOf` branches. */
function childSchema(schema: JsonSchema | undefined, key: string | number): JsonSchema | undefined {
  if (!schema) return undefined;
  if (typeof key === 'number') {
    if (isObject(schema.items)) return schema.items;
  } else if (isObject(schema.properties) && isObject(schema.properties[key])) {
    return schema.properties[key];
  }
  for (const branch of Array.isArray(schema.anyOf) ? schema.anyOf : []) {
    const found = childSchema(branch as JsonSchema, key);
    if (found) return found;
  }
  return undefined;
}

/** A value as a person reads it, or undefined when it is too long for one line. */
function display(
  value: unknown,
  schema: JsonSchema | undefined,
  s: Side,
  lang: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    if (schema?.pattern === DATE_PATTERN) {
      const parsed = parseIncidentDate(value, s.timezone);
      if (parsed.ok) return formatDateTime(parsed.value, lang);
    }
    if (Array.isArray(schema?.enum)) return value;
    return value.length <= MAX_SHOWN && !/[\r\n]/.test(value) ? `"${value}"` : undefined;
  }
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    const text = `[${value.join(', ')}]`;
    return text.length <= MAX_SHOWN ? text : undefined;
  }
  return undefined;
}

function withDefault(text: string | undefined): string | undefined {
  return text === undefined ? undefined : `${text} (default)`;
}
