import { InputError } from '../shared.js';
import { templateDiagnostic } from './template-errors.js';

/**
 * Handlebars' built-in helpers that write to the terminal instead of the artifact: `{{log …}}`
 * prints to stdout or stderr, which would break `--json` and `--stdout`. Templates may not use
 * them; each use is a template error at its position.
 */
export const OUTPUT_HELPERS: readonly string[] = ['log'];

/** Where a template calls a helper that writes output (1-based line and column). */
function findOutputHelpers(ast: hbs.AST.Program): { name: string; line: number; col: number }[] {
  const found: { name: string; line: number; col: number }[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as {
      type?: string;
      path?: hbs.AST.PathExpression;
      loc?: hbs.AST.SourceLocation;
    };
    const isCall =
      n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression';
    const name = n.path?.original;
    if (isCall && typeof name === 'string' && OUTPUT_HELPERS.includes(name) && !n.path?.data)
      found.push({ name, line: n.loc?.start.line ?? 1, col: (n.loc?.start.column ?? 0) + 1 });
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc') continue;
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  return found;
}

/** Throws InputError at every call of a helper that writes output. */
export function rejectOutputHelpers(ast: hbs.AST.Program, display: string): void {
  const printing = findOutputHelpers(ast);
  if (printing.length === 0) return;
  throw new InputError(
    printing.map((p) =>
      templateDiagnostic(
        display,
        `template uses {{${p.name}}}, which would write to the terminal, not the artifact`,
        p.line,
        p.col,
        'remove it: templates cannot print (it would break --json and --stdout)',
      ),
    ),
  );
}
