import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export type KeyPath = readonly (string | number)[];
export interface Position {
  line: number;
  col: number;
}

function keyOf(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

/**
 * Finds where a key path stands in the YAML source: the value's position, or with `key: true`
 * the key's own position (for "unknown key" messages). Falls back to the nearest parent found.
 */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: KeyPath,
  options: { key?: boolean } = {},
): Position {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(keyOf(p.key)) === String(segment));
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      if (isLast && options.key) {
        offset = keyNode?.range?.[0] ?? offset;
        break;
      }
      offset = valueNode?.range?.[0] ?? keyNode?.range?.[0] ?? offset;
      node = valueNode;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return lineCounter.linePos(offset);
}

/**
 * Where a character of a text value stands in the file: the value's lines are found in the
 * source one after the other (a block scalar adds indentation, a quoted string escapes), and the
 * column within the line is kept. Undefined when the line cannot be found as written.
 */
export function locateInValue(
  source: string,
  range: readonly [number, number],
  value: string,
  offset: number,
): number | undefined {
  const lines = value.slice(0, offset).split('\n');
  const column = lines.at(-1)!.length;
  const target = value.slice(offset - column).split('\n', 1)[0]!;
  const slice = source.slice(range[0], range[1]);
  let from = 0;
  for (const line of [...lines.slice(0, -1), target]) {
    if (line.trim() === '') continue;
    const at = slice.indexOf(line, from);
    if (at < 0) return undefined;
    from = at + line.length;
  }
  return target.trim() === '' ? undefined : range[0] + from - target.length + column;
}
