import { z } from 'zod';
import { fieldKinds, type DateBounds, type FieldKind } from './fields.js';
import type { KeyPath } from './locate.js';

/**
 * Generic walks over the incident schema: every check or transform that concerns a kind of value
 * (dates, localized texts, Markdown) finds its fields here instead of in a hand-kept list, inside
 * nested objects, lists and records alike.
 */

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  defaultValue?: unknown;
};

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'pipe']);

/** A schema without its wrappers (optional, default, …), and what the wrappers said. */
export interface Unwrapped {
  schema: z.ZodType;
  kind?: FieldKind;
  /** A date's bounds (`fields.ts`). */
  bounds?: DateBounds;
  required: boolean;
  default?: unknown;
  description?: string;
}

// Schemas do not change: each is unwrapped once (registry look-ups merge metadata along the
// chain of clones, which a walk over thousands of recipients would repeat for every value).
const unwrapped = new WeakMap<z.ZodType, Unwrapped>();

export function unwrap(schema: z.ZodType): Unwrapped {
  let out = unwrapped.get(schema);
  if (!out) unwrapped.set(schema, (out = unwrapUncached(schema)));
  return out;
}

function unwrapUncached(schema: z.ZodType): Unwrapped {
  const out: Unwrapped = { schema, required: true };
  for (let node: z.ZodType | undefined = schema; node;) {
    out.schema = node;
    out.kind ??= fieldKinds.get(node)?.kind;
    out.bounds ??= fieldKinds.get(node)?.bounds;
    out.description ??= z.globalRegistry.get(node)?.description;
    const def = defOf(node);
    if (!WRAPPERS.has(def.type) || out.kind) break;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault')
      out.required = false;
    if (def.type === 'default' && !('default' in out)) out.default = def.defaultValue;
    // A pipe that starts with a transform (`z.preprocess`) reads its result by the schema after it.
    node = def.type === 'pipe' ? (isTransform(def.in) ? def.out : def.in) : def.innerType;
  }
  return out;
}

function isTransform(schema: z.ZodType | undefined): boolean {
  return schema !== undefined && defOf(schema).type === 'transform';
}

function defOf(schema: z.ZodType): Def {
  return schema._zod.def as unknown as Def;
}

/** One field of a schema: `['questions', '[]', 'answer']`; `{}` stands for a record's keys. */
export interface FieldInfo extends Unwrapped {
  path: string[];
  /** `object`, `list` or `record` for a group of fields; undefined for a value. */
  group?: 'object' | 'list' | 'record';
}

/**
 * Every field of `schema`, groups before their members, in declaration order. A value that is
 * neither a group nor of a known kind is listed with `kind` undefined (a test refuses those).
 */
export function listFields(schema: z.ZodType, path: string[] = []): FieldInfo[] {
  const field = unwrap(schema);
  const def = defOf(field.schema);
  if (field.kind) return [{ ...field, path }];
  if (def.type === 'object' && def.shape) {
    const members = Object.entries(def.shape).flatMap(([key, s]) => listFields(s, [...path, key]));
    return [{ ...field, path, group: 'object' }, ...members];
  }
  if (def.type === 'array' && def.element)
    return [{ ...field, path, group: 'list' }, ...listFields(def.element, [...path, '[]'])];
  if (def.type === 'record' && def.valueType)
    return [{ ...field, path, group: 'record' }, ...listFields(def.valueType, [...path, '{}'])];
  return [{ ...field, path }];
}

/** Called for each value of a kind; its result replaces the value (undefined drops it). */
export type FieldMap = (kind: FieldKind, value: unknown, path: KeyPath) => unknown;

/**
 * `data` with every value of a known kind replaced by `map`'s result, keys in declaration order.
 * What does not fit the schema (a file that failed validation, keys the schema does not know) is
 * left as it is, so the walk also serves to report on raw data.
 */
export function mapFields(
  schema: z.ZodType,
  data: unknown,
  map: FieldMap,
  path: KeyPath = [],
): unknown {
  if (data === undefined) return undefined;
  const field = unwrap(schema);
  if (field.kind) return map(field.kind, data, path);
  const def = defOf(field.schema);
  if (def.type === 'array' && def.element && Array.isArray(data))
    return data.map((item, i) => mapFields(def.element!, item, map, [...path, i]));
  if (!isRecord(data)) return data;
  if (def.type === 'object' && def.shape) {
    const shape = def.shape;
    const known = Object.keys(shape).filter((key) => Object.hasOwn(data, key));
    const rest = Object.keys(data).filter((key) => !Object.hasOwn(shape, key));
    return buildObject([
      ...known.map((key) => [key, mapFields(shape[key]!, data[key], map, [...path, key])] as const),
      ...rest.map((key) => [key, data[key]] as const),
    ]);
  }
  if (def.type === 'record' && def.valueType) {
    const values = def.valueType;
    return buildObject(
      Object.keys(data).map((key) => [key, mapFields(values, data[key], map, [...path, key])]),
    );
  }
  return data;
}

/** Calls `visit` for each value of the given kinds in `data`, in declaration order. */
export function visitFields(
  schema: z.ZodType,
  data: unknown,
  kinds: readonly FieldKind[],
  visit: (value: unknown, path: KeyPath, kind: FieldKind, field: Unwrapped) => void,
  path: KeyPath = [],
): void {
  if (data === undefined) return;
  const field = unwrap(schema);
  if (field.kind) {
    if (kinds.includes(field.kind)) visit(data, path, field.kind, field);
    return;
  }
  const def = defOf(field.schema);
  if (def.type === 'array' && def.element && Array.isArray(data)) {
    data.forEach((item, i) => visitFields(def.element!, item, kinds, visit, [...path, i]));
  } else if (def.type === 'object' && def.shape && isRecord(data)) {
    for (const [key, member] of Object.entries(def.shape))
      if (Object.hasOwn(data, key)) visitFields(member, data[key], kinds, visit, [...path, key]);
  } else if (def.type === 'record' && def.valueType && isRecord(data)) {
    for (const key of Object.keys(data))
      visitFields(def.valueType, data[key], kinds, visit, [...path, key]);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Without undefined values, so that templates in strict mode see missing fields as missing. */
function buildObject(entries: (readonly [string, unknown])[]): Record<string, unknown> {
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}
