import { readClock } from '../incident/check.js';
import { createHash } from 'node:crypto';
import { renderFiles, type RenderOutcome } from '../api.js';
import {
  InputError,
  OutputError,
  UsageError,
  hasErrors,
  type Diagnostic,
  type NoticeMeta,
} from '../shared.js';
import { FORMAT_NAMES } from '../formats/registry.js';
import { isLang } from '../lang/index.js';
import { TemplateStore } from '../render/templates.js';

/** One variant in one language (and for one recipient), in every format it has. */
export interface PreviewView {
  key: string;
  variant: string;
  lang: string;
  recipient?: string;
  artifacts: { format: string; path: string; text: string; notice?: NoticeMeta }[];
}

/** What the preview shows: the artifacts, or why there are none (and the last good ones). */
export interface Snapshot {
  file: string;
  /** Errors and warnings of the file in its own language, with file:line:col. */
  diagnostics: Diagnostic[];
  /** A problem without a position (a usage, output or internal error). */
  failure?: string;
  views: PreviewView[];
  /** The views are from the last version that rendered, not from the file as it is now. */
  stale: boolean;
  /** Languages with templates that this file cannot be rendered in, and why. */
  missing: { lang: string; diagnostics: Diagnostic[]; failure?: string }[];
  /** Changes when anything shown changes. */
  fingerprint: string;
}

type Attempt =
  { ok: true; outcome: RenderOutcome } | { ok: false; diagnostics: Diagnostic[]; failure?: string };

async function attempt(
  file: string,
  templates: string | undefined,
  langs?: string[],
): Promise<Attempt> {
  try {
    const outcome = await renderFiles({
      now: readClock(),
      files: [file],
      dryRun: true,
      ...(templates ? { templates } : {}),
      ...(langs ? { langs } : {}),
    });
    return { ok: true, outcome };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, diagnostics: error.diagnostics };
    const known = error instanceof UsageError || error instanceof OutputError;
    const message = (error as Error)?.message ?? String(error);
    const hint = (error as UsageError).hint;
    return {
      ok: false,
      diagnostics: [],
      failure: `${known ? '' : 'internal error: '}${message}${hint ? ` (hint: ${hint})` : ''}`,
    };
  }
}

function groupViews(outcome: RenderOutcome): PreviewView[] {
  const views = new Map<string, PreviewView>();
  const decoder = new TextDecoder();
  for (const a of outcome.artifacts) {
    const key = `${a.variant}.${a.lang}${a.recipient ? `.${a.recipient}` : ''}`;
    let view = views.get(key);
    if (!view) {
      view = {
        key,
        variant: a.variant,
        lang: a.lang,
        ...(a.recipient ? { recipient: a.recipient } : {}),
        artifacts: [],
      };
      views.set(key, view);
    }
    view.artifacts.push({
      format: a.format,
      path: a.path,
      text: decoder.decode(a.content),
      ...(a.notice ? { notice: a.notice } : {}),
    });
  }
  // The registry's order (html, md, txt, eml), not the order they were rendered in.
  const order = (format: string): number => FORMAT_NAMES.indexOf(format) >>> 0;
  for (const view of views.values())
    view.artifacts.sort((a, b) => order(a.format) - order(b.format));
  return [...views.values()];
}

function fingerprintOf(snapshot: Omit<Snapshot, 'fingerprint'>): string {
  return createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
}

/**
 * Renders the file in memory, in its own language and every other language with templates, the
 * same way `faq render` does. Never throws: errors become part of the snapshot, and the last good
 * views stay on show (marked stale) until the file renders again.
 */
export async function takeSnapshot(
  file: string,
  templates: string | undefined,
  previous?: Snapshot,
): Promise<Snapshot> {
  const first = await attempt(file, templates);
  if (!first.ok) {
    const base = {
      file,
      diagnostics: first.diagnostics,
      ...(first.failure ? { failure: first.failure } : {}),
      views: previous?.views ?? [],
      stale: (previous?.views.length ?? 0) > 0,
      missing: previous?.missing ?? [],
    };
    return { ...base, fingerprint: fingerprintOf(base) };
  }
  const own = first.outcome.artifacts[0]?.lang;
  const views = groupViews(first.outcome);
  const missing: Snapshot['missing'] = [];
  const others = new TemplateStore(templates).languages().filter((l) => isLang(l) && l !== own);
  for (const lang of others) {
    const other = await attempt(file, templates, [lang]);
    if (other.ok) views.push(...groupViews(other.outcome));
    else
      missing.push({
        lang,
        diagnostics: other.diagnostics.filter((d) => hasErrors([d])),
        ...(other.failure ? { failure: other.failure } : {}),
      });
  }
  const base = { file, diagnostics: first.outcome.warnings, views, stale: false, missing };
  return { ...base, fingerprint: fingerprintOf(base) };
}
