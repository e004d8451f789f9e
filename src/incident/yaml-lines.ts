// Lines of a YAML source, read as a person reads them: indentation, keys, list entries, comments.

/** The lines of a source text with their offsets. */
export class SourceLines {
  private readonly starts: number[] = [0];
  private readonly lines: string[];

  constructor(text: string) {
    this.lines = text.split('\n');
    for (const line of this.lines.slice(0, -1))
      this.starts.push(this.starts.at(-1)! + line.length + 1);
  }

  /** The 0-based line of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  start(line: number): number {
    return this.starts[line] ?? this.starts.at(-1)!;
  }

  text(line: number): string {
    return (this.lines[line] ?? '').replace(/\r$/, '');
  }

  /** The first offset at or after `offset` that is not white space (the parser may point at a blank line). */
  nextNonSpace(offset: number): number {
    let line = this.lineOf(offset);
    if (
      this.text(line)
        .slice(offset - this.start(line))
        .trim() !== ''
    )
      return offset;
    while (line + 1 < this.lines.length && this.text(line + 1).trim() === '') line += 1;
    return line + 1 < this.lines.length ? this.start(line + 1) : offset;
  }

  /** The nearest line above `line` with content (not blank, not only a comment). */
  previousContentLine(line: number): number | undefined {
    for (let n = line - 1; n >= 0; n--) if (!/^\s*(#.*)?$/.test(this.text(n))) return n;
    return undefined;
  }

  /** The nearest line below `line` with content. */
  nextContentLine(line: number): number | undefined {
    for (let n = line + 1; n < this.lines.length; n++)
      if (!/^\s*(#.*)?$/.test(this.text(n))) return n;
    return undefined;
  }

  /** Whether `offset` lies in the lines after `from.line` that are indented at least `from.indent`. */
  isWithin(offset: number, from: { line: number; indent: number }): boolean {
    const target = this.lineOf(offset);
    for (let n = from.line + 1; n < target; n++) {
      const text = this.text(n);
      if (!/^\s*(#.*)?$/.test(text) && SourceLines.indentOf(text) < from.indent) return false;
    }
    return SourceLines.indentOf(this.text(target)) >= from.indent;
  }

  static indentOf(line: string): number {
    return /^ */.exec(line)![0].length;
  }

  /** `key: value` or `key:`, also as a list entry (`- key: value`). */
  static isKeyLine(line: string): boolean {
    return /^\s*(?:-\s+)?(?:"[^"]*"|'[^']*'|[^\s#"'][^#]*?):(?:\s|$)/.test(line);
  }

  static isListLine(line: string): boolean {
    return /^\s*-(?:\s|$)/.test(line);
  }

  static withoutComment(line: string): string {
    return line.replace(/\s+#.*$/, '');
  }
}

/**
 * `question: Achtung: Sind …` with its text in quotes (`question: "Achtung: Sind …"`), and where
 * the text starts; undefined if the line is no `key: text`.
 */
export function fixQuotedLine(
  line: string,
): { key: string; valueAt: number; line: string } | undefined {
  const m = /^(\s*(?:-\s+)?)([^\s:#"'][^:#]*?):(\s+)(.*?)\s*$/.exec(line);
  if (!m) return undefined;
  const [, lead, key, space, rawValue] = m as unknown as [string, string, string, string, string];
  const comment = /\s+#.*$/.exec(rawValue);
  const value = comment ? rawValue.slice(0, comment.index) : rawValue;
  if (value === '' || /^["']/.test(value)) return undefined;
  const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return {
    key,
    valueAt: lead.length + key.length + 1 + space.length,
    line: `${lead}${key}: ${quoted}${comment ? comment[0] : ''}`,
  };
}
