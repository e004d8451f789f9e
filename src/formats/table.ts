import type { Token, Tokens } from 'marked';

/**
 * Tables, marked up from what the Markdown says. GFM tables have no caption, so a paragraph that
 * is only bold text ("**Stand der Dienste:**") right before a table is its caption; such a table
 * is keyed by its first column, whose cells become row headers. The text format keeps the bold
 * line as it is and shows the table as aligned columns, or as a list when they would not fit.
 */

/** A table with the caption taken from the bold line before it. */
export interface CaptionedTable extends Tokens.Table {
  caption?: string;
  /** The first column holds row headers also without a caption (the item tables of `item-table.ts`). */
  keyed?: boolean;
}

/** The caption a paragraph gives the table after it: its bold text without a final colon. */
function captionOf(token: Token, inlineText: (tokens: Token[]) => string): string | undefined {
  if (token.type !== 'paragraph') return undefined;
  const inner = (token as Tokens.Paragraph).tokens;
  if (inner.length !== 1 || inner[0]!.type !== 'strong') return undefined;
  const text = inlineText((inner[0] as Tokens.Strong).tokens)
    .trim()
    .replace(/\s*:$/, '');
  return text || undefined;
}

/** The tokens with each caption paragraph moved into the table it names. */
export function captionTables(
  tokens: readonly Token[],
  inlineText: (tokens: Token[]) => string,
): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let next = i + 1;
    while (tokens[next]?.type === 'space') next++;
    const caption = tokens[next]?.type === 'table' ? captionOf(token, inlineText) : undefined;
    if (caption === undefined) {
      out.push(token);
      continue;
    }
    out.push({ ...(tokens[next] as Tokens.Table), caption } as CaptionedTable);
    i = next;
  }
  return out;
}

/** A table cell that holds blocks (paragraphs, lists), not a line of inline text. */
export interface BlockCell extends Tokens.TableCell {
  blocks?: boolean;
}

const alignStyle = (align: Tokens.TableCell['align']): string =>
  align ? ` style="text-align: ${align}"` : '';

/** A table as HTML: a caption when it has one, `th scope="col"`, and row headers when captioned. */
export function renderTableHtml(
  table: CaptionedTable,
  cell: (c: Tokens.TableCell) => string,
  escape: (text: string) => string,
): string {
  const isKeyed = table.caption !== undefined || table.keyed === true;
  const head = table.header
    .map((c) => `<th scope="col"${alignStyle(c.align)}>${cell(c)}</th>\n`)
    .join('');
  const rows = table.rows
    .map(
      (row) =>
        `<tr>\n${row
          .map((c, i) =>
            isKeyed && i === 0
              ? `<th scope="row"${alignStyle(c.align)}>${cell(c)}</th>\n`
              : `<td${alignStyle(c.align)}>${cell(c)}</td>\n`,
          )
          .join('')}</tr>\n`,
    )
    .join('');
  const caption =
    table.caption !== undefined ? `<caption>${escape(table.caption!)}</caption>\n` : '';
  return `<table>\n${caption}<thead>\n<tr>\n${head}</tr>\n</thead>\n${rows ? `<tbody>\n${rows}</tbody>\n` : ''}</table>\n`;
}

const widthOf = (text: string): number => [...text].length;

/**
 * A table as plain text: columns padded to line up under a rule when they fit in `width`
 * characters; otherwise one list item per row, "first cell: other cells – joined".
 */
export function renderTableText(
  table: Tokens.Table,
  cellText: (c: Tokens.TableCell) => string,
  indent: string,
  width: number,
  fill: (text: string, first: string, rest: string) => string,
): string {
  const rows = [table.header, ...table.rows].map((row) => row.map((c) => cellText(c).trim()));
  const widths = table.header.map((_, i) => Math.max(...rows.map((r) => widthOf(r[i] ?? ''))));
  const total = widthOf(indent) + widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const line = (cells: string[]): string =>
    (indent + cells.map((c, i) => c + ' '.repeat(widths[i]! - widthOf(c))).join('  ')).trimEnd();
  if (total <= width) {
    const rule = widths.map((w) => '-'.repeat(w));
    return [line(rows[0]!), line(rule), ...rows.slice(1).map(line)].join('\n');
  }
  return rows
    .slice(1)
    .map(([first = '', ...rest]) => {
      const others = rest.filter(Boolean).join(' – ');
      // Filled as the list item's text, then the marker put in front (as lists do).
      const item = fill(`${first}${others ? `: ${others}` : ''}`, `${indent}  `, `${indent}  `);
      return `${indent}- ${item.slice(indent.length + 2)}`;
    })
    .join('\n');
}
