/** A built-in template compiled ahead of time by scripts/build.mjs. */
export interface PrecompiledTemplate {
  kind: 'markdown' | 'html';
  /** sha256 of the template text it was compiled from; any other text is compiled at run time. */
  sha256: string;
  /** Handlebars template specification (the output of `Handlebars.precompile`). */
  spec: unknown;
}

/**
 * Built-in templates by path relative to `templates/`. Empty in the source: the build replaces
 * this module (in lib/ and in the CLI bundle) with the templates found in `templates/` then.
 */
export const PRECOMPILED: Readonly<Record<string, PrecompiledTemplate>> = {};
