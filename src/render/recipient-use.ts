/**
 * Whether a template (with its partials) uses the recipient only plainly: prints a field,
 * `{{recipient.salutation}}`, or tests one, `{{#if recipient.answer}}` / `{{#unless …}}`, and
 * has nothing else that could reach the recipient: no `this` or `.` in the template's own
 * context, no `../`, no `@root`, no field in a helper's or partial's arguments, only `if`,
 * `unless`, `each` and `with` blocks, static partials without arguments. Then its output for a
 * recipient is its output for tokens standing for the same fields, with each token replaced by
 * the field's text (the data is not escaped in Markdown templates), so the mail merge need not
 * render the template for every recipient. Anything it does not know is "not plainly".
 */
export function usesRecipientPlainly(
  template: hbs.AST.Program,
  partial: (name: string) => hbs.AST.Program | undefined,
): boolean {
  const inProgress = new Set<string>();
  /** Inline partials (`{{#*inline "name"}}`) of every template seen, by name. */
  const inline = new Map<string, hbs.AST.Program[]>();
  const collectInline = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const name = inlineName(node);
    if (name !== undefined)
      inline.set(name, [
        ...(inline.get(name) ?? []),
        (node as { program: hbs.AST.Program }).program,
      ]);
    for (const [key, value] of Object.entries(node))
      if (key !== 'loc') (Array.isArray(value) ? value : [value]).forEach(collectInline);
  };
  const files = new Map<string, hbs.AST.Program | undefined>();
  const fileBody = (name: string): hbs.AST.Program[] => {
    if (!files.has(name)) {
      const body = partial(name);
      files.set(name, body);
      collectInline(body);
    }
    const body = files.get(name);
    return body ? [body] : [];
  };
  collectInline(template);
  type Context = 'own' | 'inner';
  /** How the recipient may appear: not at all, as `{{#if}}`'s test, or printed. */
  type Use = 'none' | 'test' | 'print';

  const checkPath = (path: hbs.AST.PathExpression, context: Context, use: Use): boolean => {
    if (path.data) return path.parts[0] !== 'root';
    if (path.depth > 0) return false;
    if (context === 'inner') return true;
    if (path.parts.length === 0) return false;
    if (path.parts[0] !== 'recipient') return true;
    if (use === 'test') return path.parts.length <= 2;
    return use === 'print' && path.parts.length === 2;
  };

  const checkExpression = (node: hbs.AST.Expression, context: Context, use: Use = 'none') => {
    if (node.type === 'PathExpression')
      return checkPath(node as hbs.AST.PathExpression, context, use);
    if (node.type === 'SubExpression') {
      const sub = node as hbs.AST.SubExpression;
      return checkCall(sub.path, sub.params, sub.hash, context);
    }
    return /Literal$/.test(node.type);
  };

  const checkCall = (
    path: hbs.AST.Expression,
    params: hbs.AST.Expression[],
    hash: hbs.AST.Hash | undefined,
    context: Context,
  ): boolean =>
    checkExpression(path, context) &&
    params.every((p) => checkExpression(p, context)) &&
    (hash?.pairs ?? []).every((pair) => checkExpression(pair.value, context));

  const checkBlock = (block: hbs.AST.BlockStatement, context: Context): boolean => {
    const helper = block.path.type === 'PathExpression' ? block.path.original : '';
    const [first, ...rest] = block.params;
    if (helper === 'if' || helper === 'unless') {
      if (!first || rest.length > 0 || (block.hash?.pairs ?? []).length > 0) return false;
      if (!checkExpression(first, context, 'test')) return false;
      return checkProgram(block.program, context) && checkProgram(block.inverse, context);
    }
    if (helper !== 'each' && helper !== 'with') return false;
    if (!checkCall(block.path, block.params, block.hash, context)) return false;
    // The block's body sees the item; its {{else}} the context around it.
    return checkProgram(block.program, 'inner') && checkProgram(block.inverse, context);
  };

  const checkStatement = (node: hbs.AST.Statement, context: Context): boolean => {
    switch (node.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return true;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const plain = m.params.length === 0 && (m.hash?.pairs ?? []).length === 0;
        if (plain) return checkExpression(m.path, context, 'print');
        return checkCall(m.path, m.params, m.hash, context);
      }
      case 'BlockStatement':
        return checkBlock(node as hbs.AST.BlockStatement, context);
      case 'PartialStatement': {
        const p = node as hbs.AST.PartialStatement;
        if (p.name.type !== 'PathExpression' || p.params.length > 0) return false;
        // A hash only adds its values to the partial's context.
        if (!(p.hash?.pairs ?? []).every((pair) => checkExpression(pair.value, context)))
          return false;
        const name = (p.name as hbs.AST.PathExpression).original;
        if (inProgress.has(name)) return true;
        const bodies = [...(inline.get(name) ?? []), ...fileBody(name)];
        inProgress.add(name);
        const plain = bodies.length > 0 && bodies.every((body) => checkProgram(body, context));
        inProgress.delete(name);
        return plain;
      }
      case 'DecoratorBlock':
        // `{{#*inline "name"}}`: its body is checked where the partial is used.
        return inlineName(node) !== undefined;
      default:
        return false;
    }
  };

  const checkProgram = (program: hbs.AST.Program | undefined, context: Context): boolean =>
    !program || program.body.every((s) => checkStatement(s, context));

  return checkProgram(template, 'own');
}

/** The name of an inline partial's definition, or undefined for any other node. */
function inlineName(node: unknown): string | undefined {
  const n = node as {
    type?: string;
    path?: { original?: unknown };
    params?: { type: string; value?: unknown }[];
  };
  if (n.type !== 'DecoratorBlock' || n.path?.original !== 'inline') return undefined;
  const [param, ...rest] = n.params ?? [];
  return param?.type === 'StringLiteral' && rest.length === 0 ? String(param.value) : undefined;
}
