import type { z } from 'zod';
import { FIELD_KINDS, LOCALIZED_NOTE } from '../incident/fields.js';
import { IncidentSchema } from '../incident/schema.js';
import { listFields, unwrap, type FieldInfo } from '../incident/walk.js';

/** Where the generated table stands in docs/incident-file.md. */
export const REFERENCE_START =
  '<!-- reference:start — generated from src/incident/schema.ts by `npm run docs:reference`; do not edit -->';
export const REFERENCE_END = '<!-- reference:end -->';

/**
 * The reference table of the incident file, one row per field, from the schema's declarations:
 * key, kind, default and description. Unformatted: the script and the test pass it through
 * prettier, as `npm run format` would.
 */
export function buildReferenceTable(): string {
  const rows = listFields(IncidentSchema)
    .filter((field) => field.path.length > 0 && !isListItem(field))
    .map((field) => [keyOf(field), typeOf(field), defaultOf(field), descriptionOf(field)]);
  const lines = [
    ['key', 'type', 'default', 'description'],
    ['---', '---', '---', '---'],
    ...rows,
  ].map((cells) => `| ${cells.map(escapeCell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/** A list's or record's items are described in its row; the fields of object items follow it. */
function isListItem(field: FieldInfo): boolean {
  const last = field.path.at(-1);
  return (last === '[]' || last === '{}') && field.group !== 'list' && field.group !== 'record';
}

function keyOf(field: FieldInfo): string {
  const key = field.path
    .join('.')
    .replace(/\.\[\]/g, '[]')
    .replace(/\.\{\}/g, '.*');
  return `\`${key}\``;
}

function typeOf(field: FieldInfo): string {
  if (field.group === 'object') return 'group';
  if (field.group === 'list' || field.group === 'record') {
    const what = field.group === 'list' ? 'list' : 'map';
    const items = itemsOf(field);
    if (defOf(items.schema).type === 'object') return `${what}, each item:`;
    return `${what} of ${describeValue(items)}`;
  }
  return describeValue(field);
}

function defOf(schema: z.ZodType): { type: string; element?: z.ZodType; valueType?: z.ZodType } {
  return schema._zod.def as never;
}

function itemsOf(field: FieldInfo): FieldInfo {
  const def = defOf(field.schema);
  const items = def.element ?? def.valueType;
  return items ? { ...unwrap(items), path: [] } : field;
}

function describeValue(field: FieldInfo): string {
  if (!field.kind) return 'unknown';
  if (field.kind !== 'choice') return FIELD_KINDS[field.kind];
  const values = (field.schema._zod.def as { entries?: Record<string, string> }).entries ?? {};
  return Object.values(values)
    .map((v) => `\`${v}\``)
    .join(' | ');
}

function defaultOf(field: FieldInfo): string {
  if (field.default !== undefined) {
    const value = field.default;
    if (Array.isArray(value)) return value.length ? value.map((v) => `\`${v}\``).join(', ') : '—';
    return `\`${String(value)}\``;
  }
  return field.required ? 'required' : '—';
}

function descriptionOf(field: FieldInfo): string {
  return (field.description ?? '').replace(LOCALIZED_NOTE, '').trim();
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
