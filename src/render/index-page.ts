import { toEpoch, toRfc3339String } from '../incident/dates.js';
import { formatDateTime } from '../lang/dates.js';
import { collectHeadings, inlineText, lexMarkdown } from '../formats/markdown.js';
import { renderPageBody } from '../formats/page-body.js';
import type { LayoutData } from '../formats/html.js';
import type { IndexEntry, ListedIncident } from '../output/index-entry.js';
import type { LocalDate } from '../shared.js';
import { escapeMarkdown } from '../view/escape.js';
import { parseIso } from './archive.js';
import { normalizeMarkdown } from './document.js';
import type { TemplateEngine } from './engine.js';
import { writeIndexFeed, type IndexItem } from './index-feed.js';

/** Milliseconds since the epoch of an entry's `updated` (0 for a folder without facts). */
function epochOf(l: ListedIncident): number {
  const date = l.entry && parseIso(l.entry.updated);
  return date ? toEpoch(date) : 0;
}

/** The incidents in the order of the index: ongoing first, then resolved, each newest first. */
function orderIncidents(listed: readonly ListedIncident[]): ListedIncident[] {
  const group = (l: ListedIncident): number =>
    !l.entry ? 2 : l.entry.phase === 'resolved' ? 1 : 0;
  const keyed = listed.map((l) => ({ l, group: group(l), epoch: epochOf(l) }));
  keyed.sort(
    (a, b) =>
      a.group - b.group || b.epoch - a.epoch || (a.l.id < b.l.id ? -1 : a.l.id > b.l.id ? 1 : 0),
  );
  return keyed.map((k) => k.l);
}

/** The languages of the index, the one most incidents are written in first (it is `index.html`). */
function indexLanguages(listed: readonly ListedIncident[]): string[] {
  const count = new Map<string, number>();
  for (const l of listed) {
    const own = l.entry?.lang ?? Object.keys(l.pages)[0];
    if (own) count.set(own, (count.get(own) ?? 0) + 1);
    for (const lang of [...Object.keys(l.pages), ...Object.keys(l.entry?.pages ?? {})])
      if (!count.has(lang)) count.set(lang, 0);
  }
  return [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([lang]) => lang);
}

const dateOf = (iso: string): LocalDate | undefined => parseIso(iso);

/** One incident as the index template and the feed see it, in `lang`. */
function toItem(l: ListedIncident, lang: string, labels: Record<string, string>): IndexItem {
  const e = l.entry;
  const page = e?.pages[lang] ?? (e ? (e.pages[e.lang] ?? Object.values(e.pages)[0]) : undefined);
  const href = page?.href ?? l.pages[lang] ?? Object.values(l.pages)[0] ?? `${l.id}/`;
  if (!e) return { id: l.id, title: l.id, href };
  const date = dateOf(e.updated)!;
  return {
    id: l.id,
    title: page?.title ?? e.organization,
    href,
    entry: e,
    status: labels[`status-${e.status}`] ?? e.status,
    phase: labels[`phase-${e.phase}`] ?? e.phase,
    updated: { text: formatDateTime(date, lang), iso: e.updated, rfc3339: toRfc3339String(date) },
  };
}

/** A path inside the output folder, as faq writes them: no scheme, no space, no "..". */
const RELATIVE_PATH = /^[\w-]+(\/[\w-][\w.-]*)*$/;

/** An incident's customer kits in `lang` (else the incident's language): a name and its page. */
function kitsIn(entry: IndexEntry | undefined, lang: string): { name: string; href: string }[] {
  // The facts may come from an index.json on disk: only well-formed kits are listed.
  const kits = Array.isArray(entry?.kits) ? entry.kits : [];
  return kits.flatMap((k) => {
    const pages = (k as Partial<typeof k>).pages ?? {};
    const href = pages[lang] ?? pages[entry!.lang] ?? Object.values(pages)[0];
    return typeof k.name === 'string' && typeof href === 'string' && RELATIVE_PATH.test(href)
      ? [{ name: escapeMarkdown(k.name), href }]
      : [];
  });
}

/** What `<lang>/index.md.hbs` sees: every string escaped for Markdown. */
function templateView(lang: string, items: IndexItem[], updated: IndexItem['updated']) {
  const escaped = (i: IndexItem) => ({
    title: escapeMarkdown(i.title),
    href: i.href,
    organization: escapeMarkdown(i.entry?.organization ?? ''),
    // Dates and the words of labels.json are the templates' own text, not the file's.
    status: i.status ?? '',
    phase: i.phase ?? '',
    updated: { text: i.updated?.text ?? '', iso: i.updated?.iso ?? '' },
    draft: i.entry?.draft === true,
    kits: kitsIn(i.entry, lang),
  });
  const pick = (test: (i: IndexItem) => boolean) => items.filter(test).map(escaped);
  return {
    lang,
    updated: updated ? { text: updated.text, iso: updated.iso } : undefined,
    feed: `index.${lang}.atom`,
    ongoing: pick((i) => i.entry !== undefined && i.entry.phase !== 'resolved'),
    resolved: pick((i) => i.entry?.phase === 'resolved'),
    others: pick((i) => i.entry === undefined),
  };
}

/** The index page from its Markdown, in the web page's layout (the FAQ page's look and checks). */
function layOutIndex(engine: TemplateEngine, lang: string, markdown: string, item?: IndexItem) {
  const tokens = lexMarkdown(markdown);
  const headings = collectHeadings(tokens);
  const labels = engine.store.labels(lang);
  const updated = item?.updated ?? { text: '', iso: '' };
  const parts = renderPageBody(tokens, headings, { updatedLabel: labels.updated ?? '', updated });
  const first = tokens.find((t) => t.type === 'heading');
  const title = first && 'tokens' in first ? inlineText(first.tokens ?? []) : 'Index';
  const data: LayoutData = {
    lang,
    variant: 'index',
    title,
    labels,
    organization: item?.entry?.organization ?? '',
    updated: { text: updated.text, iso: updated.iso },
    body: parts.lead + parts.sections,
    toc: [],
    jsonLd: [],
    page: {
      lead: parts.lead,
      sections: parts.sections,
      hasUpdated: parts.hasUpdated || !item?.entry,
      phase: item?.entry && item.entry.phase !== 'resolved' ? 'investigating' : 'resolved',
    },
    // The index's Atom feed, linked as the FAQ page links its own (head and Subscribe link).
    feed: {
      href: `index.${lang}.atom`,
      type: 'application/atom+xml',
      title: labels.subscribeTitle ?? 'Feed (Atom)',
    },
    css: engine.store.read('layouts/page.css')?.text ?? '',
  };
  return { title, html: engine.get('layouts/page.html.hbs', 'html')(data) };
}

/**
 * The index of an output folder: per language `index.<lang>.html` (the FAQ page's layout),
 * `index.<lang>.md` and `index.<lang>.atom`; `index.html` in the language most incidents are
 * written in; `index.json` with every incident's facts. A function of the listed incidents and
 * the templates: the same folder gives the same bytes.
 */
export function composeIndex(
  engine: TemplateEngine,
  listed: readonly ListedIncident[],
): Map<string, string> {
  const ordered = orderIncidents(listed);
  const files = new Map<string, string>();
  const langs = indexLanguages(ordered).filter((lang) => engine.store.read(`${lang}/index.md.hbs`));
  // The index's "Stand": the newest update of an incident it lists (no clock: deterministic).
  let at = -1;
  ordered.forEach((l, n) => {
    if (l.entry && (at === -1 || epochOf(l) > epochOf(ordered[at]!))) at = n;
  });
  for (const lang of langs) {
    const labels = engine.store.labels(lang);
    const items = ordered.map((l) => toItem(l, lang, labels));
    const newest = at === -1 ? undefined : items[at];
    const view = templateView(lang, items, newest?.updated);
    const markdown = normalizeMarkdown(engine.get(`${lang}/index.md.hbs`, 'markdown')(view));
    const page = layOutIndex(engine, lang, markdown, newest);
    files.set(`index.${lang}.html`, page.html);
    files.set(`index.${lang}.md`, markdown);
    files.set(
      `index.${lang}.atom`,
      writeIndexFeed(lang, page.title, items, newest, labels.draft ?? 'DRAFT'),
    );
    if (lang === langs[0]) files.set('index.html', page.html);
  }
  const json = {
    version: 1,
    generator: 'faq',
    files: [...files.keys(), 'index.json'].sort(),
    incidents: ordered.map((l) => ({
      id: l.id,
      ...(l.entry ? { ...l.entry } : { pages: l.pages }),
      manifest: l.manifest,
    })),
  };
  files.set('index.json', `${JSON.stringify(json, null, 2)}\n`);
  return files;
}
