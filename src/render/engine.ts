import Handlebars from 'handlebars';
import type { Diagnostic } from '../errors.js';
import { InputError } from '../errors.js';
import type { TemplateStore } from './templates.js';

/** Placeholders of the organisation's original template that must never reach an artifact. */
export const SEED_PLACEHOLDERS = /DATUM|OPTION:|\[Individuell beantworten\]/;

export type CompiledTemplate = (data: object) => string;

type HandlebarsEnv = typeof Handlebars;

function templateDiagnostic(
  display: string,
  message: string,
  line = 1,
  col = 1,
  hint?: string,
): Diagnostic {
  return {
    file: display,
    line,
    col,
    severity: 'error',
    path: '',
    message,
    ...(hint ? { hint } : {}),
  };
}

function createEnvironment(): HandlebarsEnv {
  const hb = Handlebars.create();
  // Comparison for wording that depends on a value, e.g. {{#if (eq status "attack")}}.
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('not', (a: unknown) => !a);
  return hb;
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

/**
 * Compiles templates once per store, strictly: a mustache naming a field the data lacks fails the
 * render. Markdown templates get pre-escaped data, so they do not escape again; HTML layouts do.
 */
export class TemplateEngine {
  private readonly hb = createEnvironment();
  private readonly cache = new Map<string, CompiledTemplate>();

  constructor(readonly store: TemplateStore) {}

  get(rel: string, kind: 'markdown' | 'html'): CompiledTemplate {
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
    let ast: hbs.AST.Program;
    try {
      ast = this.hb.parse(file.text);
    } catch (error) {
      const message = (error as Error).message;
      const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
      throw new InputError([
        templateDiagnostic(
          file.display,
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
            file.display,
            `template contains the placeholder "${p.text}"`,
            p.line,
            p.col,
            'replace it with a field, e.g. {{incident.detected.text}}',
          ),
        ),
      );
    }
    const render = this.hb.compile(ast, {
      strict: true,
      noEscape: kind === 'markdown',
      preventIndent: true,
    });
    const compiled: CompiledTemplate = (data) => {
      try {
        return render(data, {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
        });
      } catch (error) {
        const message = (error as Error).message;
        const loc = / - (\d+):(\d+)$/.exec(message);
        const field = /^"([^"]+)" not defined/.exec(message)?.[1];
        throw new InputError([
          templateDiagnostic(
            file.display,
            field
              ? `template uses "${field}", which this incident does not have`
              : `template failed: ${message}`,
            loc ? Number(loc[1]) : 1,
            loc ? Number(loc[2]) + 1 : 1,
            field ? 'wrap it in {{#if …}} or add the field to the incident file' : undefined,
          ),
        ]);
      }
    };
    this.cache.set(rel, compiled);
    return compiled;
  }
}
