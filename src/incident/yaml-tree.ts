import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

/** Nesting an incident file may have; the schema itself needs five levels. */
export const MAX_DEPTH = 32;
/** Aliases (`*name`) a file may contain; each one costs a search when converted to data. */
export const MAX_ALIASES = 100;

/** A problem of the YAML tree itself, before the schema looks at it. */
export interface TreeProblem {
  offset: number;
  message: string;
  hint: string;
}

interface Frame {
  node: unknown;
  depth: number;
}

/**
 * Checks what the YAML parser lets through but an incident file must not have: duplicate keys
 * (also `1` and `"1"`, which become the same key in data), keys that are not plain text, aliases
 * without an anchor, too many aliases and too deep nesting. Iterative and linear in the size of
 * the file, so hostile input cannot exhaust the stack or the CPU here (yaml's own `uniqueKeys`
 * check compares every key with every other one).
 */
export function inspectYamlTree(doc: Document.Parsed, source = ''): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const anchors = new Map<string, number>();
  let aliases = 0;
  const stack: Frame[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0 && problems.length < 50) {
    const { node, depth } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const at = (node as Node).range?.[0] ?? 0;
    const anchor = (node as Node).anchor;
    // Remember where the anchored node ends: an alias before that point refers to itself.
    if (anchor) anchors.set(anchor, (node as Node).range?.[1] ?? at);
    if (depth > MAX_DEPTH) {
      problems.push({
        offset: at,
        message: `nested more than ${MAX_DEPTH} levels deep`,
        hint: 'an incident file needs only a few levels of keys',
      });
      continue;
    }
    if (isAlias(node)) {
      aliases += 1;
      const end = anchors.get(node.source);
      if (end === undefined) {
        problems.push({
          offset: at,
          message: `alias *${node.source} refers to no anchor &${node.source} above it`,
          hint: 'write the value out',
        });
      } else if (at < end) {
        problems.push({
          offset: at,
          message: `alias *${node.source} refers to a value that contains it`,
          hint: 'write the value out',
        });
      } else if (aliases === MAX_ALIASES + 1) {
        problems.push({
          offset: at,
          message: `more than ${MAX_ALIASES} aliases (*name)`,
          hint: 'write the values out instead of using many aliases',
        });
      }
    } else if (
      isScalar(node) &&
      typeof node.value === 'string' &&
      LONE_SURROGATE.test(node.value)
    ) {
      problems.push({
        offset: loneSurrogateEscape(source, node.range) ?? at,
        message:
          'contains half of a surrogate pair (an escape like "\\uD800" alone), not a character',
        hint: 'write the character itself, or both halves of the pair ("\\uD83D\\uDE00")',
      });
    } else if (isMap(node)) {
      pushMap(node.items, depth, stack, problems, anchors);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--)
        stack.push({ node: node.items[i], depth: depth + 1 });
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

/** A UTF-16 surrogate without its other half: U+FFFD in every artifact if it were let through. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where the escape of a lone surrogate is written in a quoted scalar's source. */
function loneSurrogateEscape(source: string, range: Node['range']): number | undefined {
  if (!range) return undefined;
  const text = source.slice(range[0], range[1]);
  const m =
    /\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}/.exec(
      text,
    );
  return m ? range[0] + m.index : undefined;
}

function pushMap(
  items: unknown[],
  depth: number,
  stack: Frame[],
  problems: TreeProblem[],
  anchors: Map<string, number>,
): void {
  const seen = new Set<string>();
  const children: Frame[] = [];
  for (const pair of items) {
    if (!isPair(pair)) continue;
    const key = pair.key as Node | null;
    const at = key?.range?.[0] ?? 0;
    if (key?.anchor) anchors.set(key.anchor, key.range?.[1] ?? at);
    if (key !== null && !isScalar(key)) {
      problems.push({
        offset: at,
        message: 'a key must be plain text, not a list, mapping or alias',
        hint: 'write `name: value`',
      });
    } else {
      const name = String(key?.value ?? '');
      if (seen.has(name)) {
        problems.push({
          offset: at,
          message: `duplicate key "${name}": each key may appear only once`,
          hint: 'remove or rename one of them',
        });
      }
      seen.add(name);
    }
    children.push({ node: pair.value, depth: depth + 1 });
  }
  // Reversed, so that the stack visits the keys in document order (anchors before aliases).
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
}
