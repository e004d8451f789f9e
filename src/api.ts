import { InputError, UsageError, hasErrors, type Artifact, type Diagnostic } from './shared.js';
import { checkIncident } from './incident/check.js';
import { isLang, type Lang } from './lang/index.js';
import { FORMAT_NAMES } from './formats/registry.js';
import { TemplateEngine } from './render/engine.js';
import { TemplateStore } from './render/templates.js';
import { renderBatch, type BatchItem, type BatchJob } from './render/batch.js';
import { RenderCache } from './render/cache.js';
import { writeArtifacts } from './output/write.js';
import { suggestion } from './incident/suggest.js';

export { checkFiles, checkIncident, type CheckResult } from './incident/check.js';

export interface RenderOptions {
  files: string[];
  out?: string;
  variants?: string[];
  formats?: string[];
  langs?: string[];
  templates?: string;
  wrap?: number;
  /** Render in memory only and return the artifacts (for --stdout, diff and preview). */
  dryRun?: boolean;
}

export interface RenderOutcome {
  artifacts: Artifact[];
  warnings: Diagnostic[];
  out: string;
}

function checkChoice(
  kind: string,
  values: readonly string[] | undefined,
  valid: readonly string[],
): void {
  for (const value of values ?? []) {
    if (valid.includes(value)) continue;
    const hint = suggestion(value, valid);
    throw new UsageError(
      `unknown ${kind} "${value}"`,
      hint.startsWith('valid') ? hint : `${hint} valid: ${valid.join(', ')}`,
    );
  }
}

/**
 * Renders incident files: everything in memory first; written (all or nothing) only when every
 * file and template is valid. Throws UsageError, InputError or OutputError.
 */
export async function renderFiles(options: RenderOptions): Promise<RenderOutcome> {
  const store = new TemplateStore(options.templates);
  const engine = new TemplateEngine(store);
  const variantConfigs = store.variants();
  const allVariants = Object.keys(variantConfigs);
  const languages = store.languages();
  checkChoice('variant', options.variants, allVariants);
  checkChoice('format', options.formats, FORMAT_NAMES);
  checkChoice('language', options.langs, languages.filter(isLang));
  const langs = options.langs as Lang[] | undefined;
  const out = options.out ?? 'dist';
  const job: BatchJob = {
    ...(options.templates ? { templates: options.templates } : {}),
    variants: options.variants ?? allVariants,
    formats: options.formats ?? FORMAT_NAMES,
    ...(langs ? { langs } : {}),
    explicitFormats: options.formats !== undefined,
    ...(options.wrap ? { wrap: options.wrap } : {}),
  };
  // Unchanged files come from the render cache of `out`; many files are shared between threads.
  const cache = options.dryRun ? undefined : RenderCache.open(out, store, job);
  const checked = await renderBatch(options.files, job, engine, checkIncident, cache);
  const diagnostics = checked.flatMap((c) => c.diagnostics);
  const byId = new Map<string, string>();
  for (const c of checked) {
    if (!c.id) continue;
    const other = byId.get(c.id);
    if (other)
      diagnostics.push({
        file: c.file,
        line: 1,
        col: 1,
        severity: 'error',
        path: 'id',
        message: `id "${c.id}" is also used by ${other}`,
        hint: 'give each incident its own id',
      });
    byId.set(c.id, c.file);
  }
  if (hasErrors(diagnostics)) throw new InputError(diagnostics);
  const warnings = [...diagnostics];
  const artifacts: Artifact[] = [];
  const byIncident = new Map<string, Artifact[]>();
  for (const result of checked) {
    if (result.error !== undefined) throw result.error;
    warnings.push(...result.warnings);
    artifacts.push(...result.artifacts);
    // A cached incident's folder already holds exactly these artifacts: it is left as it is.
    if (!result.cached) byIncident.set(result.id!, result.artifacts);
  }
  if (!options.dryRun) {
    await writeArtifacts(out, byIncident);
    cache?.save(checked.filter((c) => c.key && !c.cached) as Required<BatchItem>[]);
  }
  return { artifacts, warnings, out };
}
