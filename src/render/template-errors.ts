import type Handlebars from 'handlebars';
import { InputError, type Diagnostic } from '../shared.js';

/** A template as a function of its data (the second argument is Handlebars' own, for partials). */
export type CompiledTemplate = (data: object, partialOptions?: Handlebars.RuntimeOptions) => string;

/** A problem in a template file, at its line and column. */
export function templateDiagnostic(
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

/**
 * The template as a function of its data, with its partials; an error while rendering (a missing
 * field in strict mode) is bad input at the template's — or the partial's — own file:line:col.
 */
export function reportingErrors(
  render: HandlebarsTemplateDelegate,
  file: { display: string; text: string },
  partials: () => Record<string, CompiledTemplate>,
): CompiledTemplate {
  return (data, partialOptions) => {
    try {
      // Called as a partial, Handlebars passes the options of the template that includes it.
      return render(
        data,
        partialOptions ?? {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
          partials: partials(),
        },
      );
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw renderError(error as Error, file);
    }
  };
}

function renderError(error: Error, file: { display: string; text: string }): InputError {
  const message = error.message;
  const loc = / - (\d+):(\d+)$/.exec(message);
  const last = /^"([^"]+)" not defined/.exec(message)?.[1];
  const field =
    last && loc ? (fullPath(file.text, Number(loc[1]), Number(loc[2]), last) ?? last) : last;
  return new InputError([
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

/**
 * Handlebars names only the last segment of a missing field ("fax"); the mustache at the error's
 * position in the template has the whole path ("org.contact.fax").
 */
function fullPath(source: string, line: number, column: number, last: string): string | undefined {
  const text = source.split('\n')[line - 1]?.slice(column);
  // The position is that of the path itself, or of the mustache around it.
  const path = /^(?:\{\{~?[#^]?\s*)?([\w.@/-]+)/.exec(text ?? '')?.[1];
  return path && (path === last || path.endsWith(`.${last}`)) ? path : undefined;
}
