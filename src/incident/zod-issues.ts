import { domainToASCII } from 'node:url';
import type { core } from 'zod';
import type { KeyPath } from './locate.js';
import { IncidentSchema } from './schema.js';
import { suggestion } from './suggest.js';

export interface Problem {
  path: KeyPath;
  message: string;
  /** A function when the hint costs a search: made only for a problem that is shown. */
  hint?: string | (() => string);
  atKey?: boolean;
  /** What to look for inside the value, for the exact column (see validate.ts). */
  needle?: string | RegExp;
}

type AnySchema = { _zod: { def: Record<string, unknown> } };

/** The keys a mapping at `path` may have, read from the schema itself. */
export function allowedKeys(path: KeyPath): string[] {
  let schema: AnySchema | undefined = IncidentSchema as unknown as AnySchema;
  for (const segment of [...path, null]) {
    schema = unwrap(schema);
    if (!schema) return [];
    const def = schema._zod.def;
    if (segment === null) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') schema = (def.shape as Record<string, AnySchema>)[String(segment)];
    else if (def.type === 'array') schema = def.element as AnySchema;
    else return [];
  }
  return [];
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (let i = 0; current && i < 10; i++) {
    const def = current._zod.def;
    if (
      def.type === 'optional' ||
      def.type === 'default' ||
      def.type === 'nullable' ||
      def.type === 'pipe'
    ) {
      const from = def.in as AnySchema | undefined;
      current = (def.innerType ??
        (from?._zod.def.type === 'transform' ? def.out : from)) as AnySchema;
    } else if (def.type === 'union') {
      current = (def.options as AnySchema[]).find((o) => o._zod.def.type === 'object');
    } else return current;
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' && !Number.isFinite(value))
    return `the special number ${Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf'}`;
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys',
  number: 'a number',
};

/** Turns one zod issue into messages a comms officer can act on. */
export function zodIssueToProblem(issue: core.$ZodIssue): Problem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path);
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown key "${key}"`,
        hint: () => suggestion(key, allowed),
        atKey: true,
      }));
    }
    case 'invalid_value':
      // A missing key (or one misspelled, which leaves it missing): say so and list the values.
      if (input === undefined)
        return [
          {
            path: path.slice(0, -1),
            message: `${path.join('.')} is required`,
            hint: `add \`${String(path.at(-1))}:\` with one of ${issue.values.map(String).join(', ')}`,
          },
        ];
      return [
        {
          path,
          message: `${describe(input)} is not one of ${issue.values.map(String).join(', ')}`,
          hint:
            typeof input === 'string'
              ? suggestion(input, issue.values.map(String))
              : `use one of ${issue.values.join(', ')}`,
        },
      ];
    case 'invalid_type': {
      const key = path.at(-1);
      if (input === undefined) {
        return [
          {
            path: path.slice(0, -1),
            message: `${path.join('.')} is required`,
            hint: `add \`${String(key)}:\``,
          },
        ];
      }
      if (input === null) {
        return [
          {
            path,
            message: 'no value after the colon',
            hint: 'write a value, or remove the key',
          },
        ];
      }
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const hint =
        issue.expected === 'boolean'
          ? 'write true or false (without quotes)'
          : issue.expected === 'string'
            ? 'put the value in quotes'
            : issue.expected === 'array'
              ? listHint(String(key), input)
              : undefined;
      return [
        {
          path,
          message: `expected ${expected}, found ${describe(input)}`,
          ...(hint ? { hint } : {}),
        },
      ];
    }
    case 'invalid_union': {
      // Missing or empty (`answer:`): the same message as for any other required key.
      if (input === undefined || input === null)
        return zodIssueToProblem({
          ...issue,
          code: 'invalid_type',
          expected: 'string',
        } as core.$ZodIssue);
      // Localized texts: report the branch that matches the shape the author wrote.
      const branch = typeof input === 'object' && input !== null && !Array.isArray(input) ? 1 : 0;
      const inner = issue.errors[branch] ?? [];
      if (input !== undefined && (typeof input === 'string' || branch === 1) && inner.length > 0) {
        return inner.flatMap((sub) =>
          zodIssueToProblem({ ...sub, path: [...issue.path, ...sub.path] } as core.$ZodIssue),
        );
      }
      return [
        {
          path,
          message: `expected text or a map of languages, found ${describe(input)}`,
          hint: 'write "text" or { de: "…", en: "…" }',
        },
      ];
    }
    case 'too_small':
      return [
        {
          path,
          message: issue.origin === 'array' ? 'must not be an empty list' : 'must not be empty',
        },
      ];
    case 'too_big':
      return [
        {
          path,
          message: issue.message.replace(/^Too big: expected string to have /, 'must have '),
        },
      ];
    case 'custom': {
      // Our own refinements may carry a hint and what to look for inside the value.
      const { hint, needle } = (issue.params ?? {}) as Pick<Problem, 'hint' | 'needle'>;
      return [
        { path, message: issue.message, ...(hint ? { hint } : {}), ...(needle ? { needle } : {}) },
      ];
    }
    case 'invalid_format': {
      const hint = asciiDomainHint(input);
      return [{ path, message: issue.message, ...(hint ? { hint } : {}) }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

/**
 * How a list is written, with the author's own entries: `affected: A, B` and a forgotten "-" are
 * the common ways to miss one.
 */
function listHint(key: string, input: unknown): string {
  const entries =
    typeof input === 'string'
      ? input.split(/\s*[,;]\s*/).filter(Boolean)
      : input !== null && typeof input === 'object'
        ? [`${Object.keys(input)[0] ?? '…'}: …`]
        : ['…'];
  const lines = entries.slice(0, 2).map((e) => `"  - ${e.length > 30 ? `${e.slice(0, 30)}…` : e}"`);
  return `a list has one entry per line, each after "- ": write "${key}:" and below it ${lines.join(', ')}`;
}

/** An address whose domain has umlauts (IDN) is accepted written in its ASCII form: say which. */
function asciiDomainHint(input: unknown): string | undefined {
  const m = typeof input === 'string' ? /^([^@\s]+)@([^@\s]+)$/.exec(input) : null;
  if (!m || !/[^\x00-\x7f]/.test(m[2]!) || /[^\x00-\x7f]/.test(m[1]!)) return undefined;
  const ascii = domainToASCII(m[2]!);
  return ascii ? `write the domain in its ASCII (punycode) form: ${m[1]}@${ascii}` : undefined;
}
