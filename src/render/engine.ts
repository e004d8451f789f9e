import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import HandlebarsRuntime from 'handlebars/runtime.js';
import type Handlebars from 'handlebars';
import { InputError } from '../shared.js';
import { OUTPUT_HELPERS, rejectOutputHelpers } from './output-helpers.js';
import { PRECOMPILED } from './precompiled.js';
import { reportingErrors, templateDiagnostic } from './template-errors.js';
import type { TemplateStore } from './templates.js';

/** Placeholders of the organisation's original template that must never reach an artifact. */
export const SEED_PLACEHOLDERS = /DATUM|OPTION:|\[Individuell beantworten\]/;

import type { CompiledTemplate } from './template-errors.js';

export type { CompiledTemplate };

type HandlebarsEnv = typeof Handlebars;

/** The full Handlebars (parser and compiler): loaded only when a template is compiled at run time. */
let compiler: HandlebarsEnv | undefined;
function loadCompiler(): HandlebarsEnv {
  compiler ??= createRequire(import.meta.url)('handlebars') as HandlebarsEnv;
  return compiler;
}

function createEnvironment(base: HandlebarsEnv): HandlebarsEnv {
  const hb = base.create();
  // Comparison for wording that depends on a value, e.g. {{#if (eq status "attack")}}.
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('not', (a: unknown) => !a);
  // Whether the file asks a question itself: {{#unless (asks questions "Sind meine Daten betroffen?")}}.
  hb.registerHelper('asks', (questions: unknown, text: unknown) => asksQuestion(questions, text));
  // Never print: parseTemplate rejects these; this covers a template compiled some other way.
  for (const name of OUTPUT_HELPERS)
    hb.registerHelper(name, () => {
      throw new Error(`the {{${name}}} helper is not available in templates`);
    });
  return hb;
}

/** Letters and digits only, lower case: "Sind *meine* Daten betroffen\\?" asks "sind meine daten betroffen?". */
const questionKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether one of the questions (`{ question }`, as the view has them) is `text`, written any way. */
export function asksQuestion(questions: unknown, text: unknown): boolean {
  if (!Array.isArray(questions) || typeof text !== 'string') return false;
  const key = questionKey(text);
  return questions.some(
    (q: { question?: unknown }) =>
      typeof q?.question === 'string' && questionKey(q.question) === key,
  );
}

/** Walks the template's own text (not the data) for leftover placeholders of the seed. */
function findSeedPlaceholders(ast: hbs.AST.Program): { text: string; line: number; col: number }[] {
  const found: { text: string; line: number; col: number }[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; value?: string; loc?: hbs.AST.SourceLocation };
    if (n.type === 'ContentStatement' && typeof n.value === 'string') {
      const m = SEED_PLACEHOLDERS.exec(n.value);
      if (m) {
        const before = n.value.slice(0, m.index).split('\n');
        const line = (n.loc?.start.line ?? 1) + before.length - 1;
        const col =
          before.length > 1
            ? before.at(-1)!.length + 1
            : (n.loc?.start.column ?? 0) + before[0]!.length + 1;
        found.push({ text: m[0], line, col });
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && value !== n.loc) visit(value);
    }
  };
  visit(ast);
  return found;
}

type TemplateKind = 'markdown' | 'html';

/** Handlebars options per kind: Markdown templates get pre-escaped data, HTML layouts escape. */
function compileOptions(kind: TemplateKind): CompileOptions {
  return { strict: true, noEscape: kind === 'markdown', preventIndent: true };
}

type CompileOptions = Parameters<HandlebarsEnv['compile']>[1];

/**
 * Parses a template and rejects what must never ship (syntax errors, the seed's placeholders);
 * throws InputError pointing into the template file.
 */
function parseTemplate(hb: HandlebarsEnv, text: string, display: string): hbs.AST.Program {
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
    throw new InputError([
      templateDiagnostic(
        display,
        `template syntax: ${message.split('\n')[0]}`,
        line,
        1,
        'check the {{…}} on this line',
      ),
    ]);
  }
  const leftovers = findSeedPlaceholders(ast);
  if (leftovers.length > 0) {
    throw new InputError(
      leftovers.map((p) =>
        templateDiagnostic(
          display,
          `template contains the placeholder "${p.text}"`,
          p.line,
          p.col,
          'replace it with a field, e.g. {{incident.detected.text}}',
        ),
      ),
    );
  }
  rejectOutputHelpers(ast, display);
  return ast;
}

/** The kind a built-in template is precompiled as, from its name; undefined for other files. */
export function templateKind(rel: string): TemplateKind | undefined {
  if (rel.endsWith('.md.hbs')) return 'markdown';
  if (rel.endsWith('.html.hbs')) return 'html';
  return undefined;
}

export function templateHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Build step (scripts/build.mjs): the JavaScript source of a template compiled ahead of time,
 * with exactly the checks and options of a run-time compile. Throws InputError like `get`.
 */
export function precompileTemplate(text: string, kind: TemplateKind, display: string): string {
  const hb = loadCompiler();
  return hb.precompile(parseTemplate(hb, text, display), compileOptions(kind)) as unknown as string;
}

/**
 * Compiles templates once per store, strictly: a mustache naming a field the data lacks fails the
 * render. Markdown templates get pre-escaped data, so they do not escape again; HTML layouts do.
 * Built-in templates come precompiled (scripts/build.mjs) and are used only while the file's
 * text still has the hash it was compiled from; anything else (a `--templates` override, an
 * edited template) is compiled here, at run time.
 */
export class TemplateEngine {
  private runtime?: HandlebarsEnv;
  private compiler?: HandlebarsEnv;
  private readonly cache = new Map<string, CompiledTemplate>();
  private readonly partials = new Map<string, Record<string, CompiledTemplate>>();

  constructor(readonly store: TemplateStore) {}

  private precompiled(
    rel: string,
    kind: TemplateKind,
    text: string,
  ): HandlebarsTemplateDelegate | undefined {
    const entry = PRECOMPILED[rel];
    if (!entry || entry.kind !== kind || entry.sha256 !== templateHash(text)) return undefined;
    this.runtime ??= createEnvironment(HandlebarsRuntime as unknown as HandlebarsEnv);
    return this.runtime.template(entry.spec as TemplateSpecification);
  }

  /** The compiled template at `rel` (relative to templates/); InputError if it is missing or broken. */
  get(rel: string, kind: TemplateKind): CompiledTemplate {
    const cached = this.cache.get(rel);
    if (cached) return cached;
    const file = this.store.read(rel);
    if (!file)
      throw new InputError([
        templateDiagnostic(
          `templates/${rel}`,
          'template not found',
          1,
          1,
          'check the --templates folder layout',
        ),
      ]);
    let render = this.precompiled(rel, kind, file.text);
    if (!render) {
      this.compiler ??= createEnvironment(loadCompiler());
      render = this.compiler.compile(
        parseTemplate(this.compiler, file.text, file.display),
        compileOptions(kind),
      );
    }
    const lang = /^([^/]+)\/[^/]+\.md\.hbs$/.exec(rel)?.[1];
    const compiled = reportingErrors(render, file, () => (lang ? this.partialsOf(lang) : {}));
    this.cache.set(rel, compiled);
    return compiled;
  }

  /** The syntax tree of the template at `rel`, for analysis; undefined if there is none. */
  parse(rel: string): hbs.AST.Program | undefined {
    const file = this.store.read(rel);
    if (!file) return undefined;
    this.compiler ??= createEnvironment(loadCompiler());
    return parseTemplate(this.compiler, file.text, file.display);
  }

  /** A language's partials (`{{> affected}}` in `de/faq.md.hbs` is `de/partials/affected.md.hbs`). */
  private partialsOf(lang: string): Record<string, CompiledTemplate> {
    let partials = this.partials.get(lang);
    if (!partials) {
      partials = {};
      for (const name of this.store.partials(lang))
        partials[name] = this.get(`${lang}/partials/${name}.md.hbs`, 'markdown');
      this.partials.set(lang, partials);
    }
    return partials;
  }
}
