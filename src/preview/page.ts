import { escapeUTF8 as escapeHtml } from 'entities';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../shared.js';
import { FORMATS } from '../formats/registry.js';
import { parseEml, type EmlPart } from './eml-view.js';
import type { PreviewView, Snapshot } from './snapshot.js';
import { PREVIEW_CSS } from './page-style.js';

/** Source texts by the file name a diagnostic shows, for the lines around a problem. */
export type Sources = ReadonlyMap<string, string>;

function snippet(d: Diagnostic, sources: Sources): string {
  const text = sources.get(d.file);
  if (text === undefined || d.line < 1) return '';
  const lines = text.split(/\r?\n/);
  if (d.line > lines.length) return '';
  const from = Math.max(1, d.line - 2);
  const to = Math.min(lines.length, d.line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const number = String(n).padStart(width);
    const line = escapeHtml(lines[n - 1]!);
    out.push(n === d.line ? `<mark>${number} | ${line}</mark>` : `${number} | ${line}`);
    if (n === d.line) out.push(`${' '.repeat(width)} | ${' '.repeat(Math.max(0, d.col - 1))}^`);
  }
  return `<pre class="snippet" tabindex="0">${out.join('\n')}</pre>`;
}

function problemList(diagnostics: readonly Diagnostic[], sources: Sources): string {
  return `<ol class="problems">${sortDiagnostics([...diagnostics])
    .map(
      (d) =>
        `<li class="${d.severity}"><code>${escapeHtml(formatDiagnostic(d))}</code>${snippet(d, sources)}</li>`,
    )
    .join('')}</ol>`;
}

function summary(snapshot: Snapshot): { text: string; tone: string } {
  const errors = snapshot.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = snapshot.diagnostics.length - errors;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (snapshot.failure || errors > 0)
    return {
      text: snapshot.failure && !errors ? 'cannot render' : plural(errors, 'error'),
      tone: 'error',
    };
  if (warnings > 0) return { text: `renders, ${plural(warnings, 'warning')}`, tone: 'warning' };
  return { text: 'renders without problems', tone: 'ok' };
}

function viewLabel(view: PreviewView): string {
  return `${view.variant}${view.recipient ? ` · ${view.recipient}` : ''}`;
}

function emlPart(part: EmlPart, depth = 0): string {
  const headers =
    depth === 0
      ? `<dl class="headers">${part.headers
          .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
          .join('')}</dl>`
      : '';
  const type = escapeHtml(part.contentType.split(';')[0]!.trim());
  if (part.parts.length)
    return `${headers}<div class="mime"><p class="mime-type">${type}</p>${part.parts.map((p) => emlPart(p, depth + 1)).join('')}</div>`;
  const body = /^text\/html/i.test(part.contentType)
    ? frame(part.text ?? '', `${type} part`)
    : scrollable(part.text ?? '', `${type} part`);
  return `${headers}<div class="mime-leaf"><p class="mime-type">${type}</p>${body}</div>`;
}

/** Text in a box that scrolls, so it takes the keyboard focus and has a name. */
function scrollable(text: string, label: string): string {
  return `<pre tabindex="0" role="region" aria-label="${escapeHtml(label)}">${escapeHtml(text)}</pre>`;
}

/**
 * An artifact's HTML, shown without scripts, forms or access to the preview (a unique origin).
 * The page's script loads it (`srcdoc` from `data-srcdoc`) when its view is shown: a page with
 * every view's frames loaded at once costs the browser a document per frame on each edit.
 */
function frame(html: string, title: string): string {
  return `<iframe sandbox="" title="${escapeHtml(title)}" data-srcdoc="${escapeHtml(html)}"></iframe>`;
}

/** A snippet (the banner) is shown inside the smallest page that holds it. */
function asPage(html: string, lang: string): string {
  if (/^\s*<!doctype/i.test(html)) return html;
  return `<!DOCTYPE html>\n<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>Snippet</title></head><body>${html}</body></html>`;
}

/** A short notice's counts: "sms: 142 of 160 characters (GSM-7, 1 part)", one per rule. */
function noticeCounts(a: PreviewView['artifacts'][number]): string {
  if (!a.notice) return '';
  return `<ul class="counts">${a.notice.counts
    .map((c) => `<li>${escapeHtml(`${c.rule}: ${c.count} of ${c.limit} ${c.unit}`)}</li>`)
    .join('')}</ul>`;
}

/** The short notices of a language beside its FAQ: each text with its counts. */
function noticesAside(views: readonly PreviewView[], lang: string): string {
  const notices = views
    .filter((v) => v.lang === lang)
    .flatMap((v) => v.artifacts.filter((a) => a.notice && a.format === 'txt'));
  if (notices.length === 0) return '';
  return `<aside class="notices" aria-label="Short notices"><h3>Short notices</h3>${notices
    .map(
      (a) =>
        `<h4>${escapeHtml(a.path.slice(a.path.indexOf('/') + 1))}</h4>${noticeCounts(a)}${scrollable(a.text, a.path)}`,
    )
    .join('')}</aside>`;
}

function artifactCard(a: PreviewView['artifacts'][number], lang = 'en'): string {
  const name = escapeHtml(a.path.slice(a.path.indexOf('/') + 1));
  const href = `artifact/${a.path.split('/').map(encodeURIComponent).join('/')}`;
  // Shown by what the format produces (its media type in the registry), not by its name.
  const type = FORMATS[a.format]?.mediaType.split(';')[0];
  const body =
    type === 'text/html'
      ? frame(asPage(a.text, lang), name)
      : type === 'message/rfc822'
        ? emlPart(parseEml(a.text))
        : scrollable(a.text, name);
  return `<article class="card ${escapeHtml(a.format)}"><h3>${name} <a href="${href}" target="_blank" rel="noopener">open</a></h3>${noticeCounts(a)}${body}</article>`;
}

function tabs(views: readonly PreviewView[]): string {
  const langs = [...new Set(views.map((v) => v.lang))];
  return `<nav class="tabs" aria-label="Artifacts">${langs
    .map(
      (lang) =>
        `<p><span class="lang">${escapeHtml(lang)}</span>${views
          .filter((v) => v.lang === lang)
          .map(
            (v) =>
              `<a href="#${escapeHtml(v.key)}" data-key="${escapeHtml(v.key)}">${escapeHtml(viewLabel(v))}</a>`,
          )
          .join('')}</p>`,
    )
    .join('')}</nav>`;
}

function missingLanguages(snapshot: Snapshot): string {
  if (snapshot.missing.length === 0) return '';
  return `<details class="missing"><summary>Not available in ${snapshot.missing
    .map((m) => escapeHtml(m.lang))
    .join(', ')}</summary>${snapshot.missing
    .map(
      (m) =>
        `<p>${escapeHtml(m.lang)}: ${escapeHtml(m.failure ?? 'the file has no text in this language for:')}</p>${problemList(m.diagnostics, new Map())}`,
    )
    .join('')}</details>`;
}

/** The preview page: the problems first, then every variant × language, each in every format. */
export function renderPreviewPage(snapshot: Snapshot, version: number, sources: Sources): string {
  const state = summary(snapshot);
  const problems =
    snapshot.diagnostics.length || snapshot.failure
      ? `<section class="report" aria-labelledby="problems"><h2 id="problems">Problems</h2>${
          snapshot.failure ? `<p class="failure">${escapeHtml(snapshot.failure)}</p>` : ''
        }${problemList(snapshot.diagnostics, sources)}</section>`
      : '';
  const stale = snapshot.stale
    ? '<p class="stale">The file does not render right now; below is the last version that did.</p>'
    : '';
  const views = snapshot.views
    .map(
      (v) =>
        `<section class="view" id="${escapeHtml(v.key)}" data-key="${escapeHtml(v.key)}" aria-label="${escapeHtml(`${viewLabel(v)} (${v.lang})`)}"><h2>${escapeHtml(viewLabel(v))} <span class="lang">${escapeHtml(v.lang)}</span></h2><div class="cards">${v.artifacts.map((a) => artifactCard(a, v.lang)).join('')}</div>${v.variant === 'faq' ? noticesAside(snapshot.views, v.lang) : ''}</section>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${state.tone === 'error' ? '✗ ' : ''}faq preview – ${escapeHtml(snapshot.file)}</title>
<style>${PREVIEW_CSS}</style>
<script src="preview.js" defer></script>
</head>
<body>
<p class="live" id="live" role="status"></p>
<div id="app" data-version="${version}">
<header class="bar"><h1>faq preview</h1><code class="file">${escapeHtml(snapshot.file)}</code><p class="state ${state.tone}" id="state">${escapeHtml(state.text)}</p></header>
${problems}${stale}${tabs(snapshot.views)}${missingLanguages(snapshot)}
<main>${views}</main>
</div>
</body>
</html>
`;
}
