import {
  Composer,
  CST,
  Parser,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type LineCounter,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';

/** The fields of yaml's Parser that its `next` works on (private in yaml's types). */
interface ParserState {
  source: string;
  atScalar: boolean;
  atNewLine: boolean;
  type: CST.TokenType;
  indent: number;
  offset: number;
  onNewLine?: (offset: number) => void;
  step(): Generator<CST.Token, void>;
  pop(error?: CST.Token): Generator<CST.Token, void>;
}

/**
 * yaml's Parser, whose `next` (run for every token of the file) first reads
 * `process.env.LOG_TOKENS`, a debugging switch: each read is a call into Node's environment,
 * more than half of the parser's time for an incident file (yaml 2.9.1: 1.15 ms of 1.5 ms for
 * the example). This `next` is yaml 2.9.1's without that read; test/incident/yaml-parse.test.js
 * checks that both give the same tokens, and that yaml is still the version this was copied from.
 * A file nested hundreds of levels deep runs out of call stack a few levels sooner than with
 * yaml's own (the frames differ); either way it is refused, and a valid file nests 32 at most.
 */
class Parser291 extends Parser {
  override *next(source: string): Generator<CST.Token, void> {
    const p = this as unknown as ParserState;
    p.source = source;
    if (p.atScalar) {
      p.atScalar = false;
      yield* p.step();
      p.offset += source.length;
      return;
    }
    const type = CST.tokenType(source);
    if (!type) {
      const message = `Not a YAML token: ${source}`;
      yield* p.pop({ type: 'error', offset: p.offset, message, source });
      p.offset += source.length;
    } else if (type === 'scalar') {
      p.atNewLine = false;
      p.atScalar = true;
      p.type = 'scalar';
    } else {
      p.type = type;
      yield* p.step();
      switch (type) {
        case 'newline':
          p.atNewLine = true;
          p.indent = 0;
          if (p.onNewLine) p.onNewLine(p.offset + source.length);
          break;
        case 'space':
          if (p.atNewLine && source[0] === ' ') p.indent += source.length;
          break;
        case 'explicit-key-ind':
        case 'map-value-ind':
        case 'seq-item-ind':
          if (p.atNewLine) p.indent += source.length;
          break;
        case 'doc-mode':
        case 'flow-error-end':
          return;
        default:
          p.atNewLine = false;
      }
      p.offset += source.length;
    }
  }
}

/** The yaml version Parser291 was copied from. */
export const YAML_VERSION = '2.9.1';

/** The parser of incident files: yaml's, without its per-token environment read. */
export function createParser(onNewLine?: (offset: number) => void): Parser {
  return new Parser291(onNewLine);
}

/**
 * yaml's `parseDocument(source, options)` (`prettyErrors` off), with that parser: one
 * document, and a MULTIPLE_DOCS error when the source holds more.
 */
export function parseYamlDocument(
  source: string,
  // Errors are not prettified (their messages stay yaml's own; load.ts words them).
  options: ParseOptions &
    DocumentOptions &
    SchemaOptions & { lineCounter: LineCounter; prettyErrors?: false },
): Document.Parsed {
  const parser = createParser(options.lineCounter.addNewLine);
  const composer = new Composer(options);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(parser.parse(source), true, source.length)) {
    if (!doc) doc = next;
    else if (doc.options.logLevel !== 'silent') {
      const range: [number, number] = [next.range[0], next.range[1]];
      const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
      doc.errors.push(new YAMLParseError(range, 'MULTIPLE_DOCS', message));
      break;
    }
  }
  // compose(…, forceDoc = true) always ends with a document.
  return doc!;
}
