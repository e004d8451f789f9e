import type { Token, Tokens } from 'marked';
import type { Heading } from './markdown.js';
import type { BlockCell, CaptionedTable } from './table.js';

const isHeading = (t: Token | undefined, depth?: number): t is Tokens.Heading =>
  t?.type === 'heading' && (depth === undefined || (t as Tokens.Heading).depth === depth);

const textCell = (text: string): Tokens.TableCell => ({
  text,
  tokens: [{ type: 'text', raw: text, text, escaped: false } as Tokens.Text],
  header: true,
  align: null,
});

/**
 * For a variant with `itemTable` (the data-protection notice): in HTML, a `##` section made only
 * of `###` sections becomes one table, each `###` heading the header of its row and its blocks
 * the cell beside it. md and txt keep the headed sections. Returns the tokens and the headings
 * that are still headings.
 */
export function tableItemSections(
  tokens: readonly Token[],
  headings: readonly Heading[],
  columns: [string, string],
): { tokens: Token[]; headings: Heading[] } {
  const out: Token[] = [];
  const kept: Heading[] = [];
  let h = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isHeading(token)) {
      out.push(token);
      continue;
    }
    kept.push(headings[h++]!);
    out.push(token);
    if (token.depth !== 2) continue;
    let end = i + 1;
    while (
      end < tokens.length &&
      !(isHeading(tokens[end]) && (tokens[end] as Tokens.Heading).depth <= 2) &&
      tokens[end]!.type !== 'hr'
    )
      end++;
    const section = tokens.slice(i + 1, end);
    const first = section.find((t) => t.type !== 'space');
    const inner = section.filter((t) => isHeading(t));
    if (!isHeading(first, 3) || inner.some((t) => !isHeading(t, 3))) continue;
    out.push(buildTable(section, columns));
    h += inner.length;
    i = end - 1;
  }
  return { tokens: out, headings: kept };
}

/** The rows of `###` sections: the heading's inline tokens, then the blocks up to the next. */
function buildTable(section: readonly Token[], columns: [string, string]): CaptionedTable {
  const rows: Tokens.TableCell[][] = [];
  for (const token of section) {
    if (isHeading(token, 3)) {
      const head = { text: token.text, tokens: token.tokens, header: false, align: null };
      const body: BlockCell = { text: '', tokens: [], header: false, align: null, blocks: true };
      rows.push([head, body]);
    } else if (token.type !== 'space') rows.at(-1)![1]!.tokens.push(token);
  }
  return {
    type: 'table',
    raw: '',
    align: [null, null],
    header: columns.map(textCell),
    rows,
    keyed: true,
  };
}
