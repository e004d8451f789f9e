import type { Customer, Incident } from '../incident/incident.js';
import { FORMATS } from '../formats/registry.js';
import type { RenderedDocument } from '../formats/types.js';
import {
  InputError,
  UsageError,
  isWrittenIn,
  type Artifact,
  type Diagnostic,
  type Selection,
  type Variant,
} from '../shared.js';
import type { ArchivedVersion } from '../output/archive.js';
import { archiveStamp, earlierVersions } from './archive.js';
import { RenderedTexts } from './artifact.js';
import { buildDocument, buildFactsDocument } from './document.js';
import { renderNotice } from './notice.js';
import type { TemplateEngine } from './engine.js';
import { basePath, Kits, selectAudience, type Audience } from './kits.js';
import { renderMailMerge, type Produce } from './mail-merge.js';
import { allowedLeftovers } from './scan.js';
import { CombinedFiles } from './combined.js';
import { readVariants } from './variants.js';
import { whyNotRendered } from './variant-when.js';
import { findFeed, isFromFacts, listSiblings } from './feed-links.js';

export interface RenderResult {
  artifacts: Artifact[];
  warnings: Diagnostic[];
  /** Each page that links earlier versions as it reads without them: its archived copy, by path. */
  copies: Map<string, Artifact>;
}

/** The formats to produce: first those that others are built from (txt and html for eml, eml for mbox). */
function withInputs(formats: readonly string[]): string[] {
  const inputs = formats.flatMap((name) => FORMATS[name]?.inputs ?? []);
  const all = [...new Set([...inputs, ...formats])];
  return all.length === formats.length ? all : withInputs(all);
}

/** A variant's length limit (an SMS): its plain text may have at most `maxLength` characters. */
function checkLength(path: string, doc: RenderedDocument, content: string | Uint8Array): void {
  const max = doc.config.maxLength;
  if (max === undefined || typeof content !== 'string') return;
  const length = [...content.trimEnd()].length;
  if (length <= max) return;
  throw new InputError([
    {
      file: path,
      line: 1,
      col: 1,
      severity: 'error',
      path: '',
      message: `${length} characters, but the ${doc.variant} variant allows ${max}`,
      hint: 'shorten the texts of the incident file or the template; nothing was written',
    },
  ]);
}

/** What every document of one render shares. */
interface Run {
  selection: Selection;
  texts: RenderedTexts;
  combined: CombinedFiles;
  kits: Kits;
}

/** A customer's e-mail carries its notice (scanned like every text: encoded, a leftover could hide). */
async function attachKit(doc: RenderedDocument, customer: Customer, run: Run): Promise<void> {
  doc.attachments = await run.kits.attachments(customer, doc.lang);
  for (const file of doc.attachments)
    run.texts.scan(`${doc.incident.id}/customers/${customer.slug}/${file.filename}`, file.content);
}

/** Renders one document in its formats; a format it cannot have is a warning (an error if asked for). */
async function renderDocument(
  doc: RenderedDocument,
  formats: readonly string[],
  run: Run,
  result: RenderResult,
  produce?: Produce,
): Promise<void> {
  const { incident, variant, lang, recipient } = doc;
  const base = basePath(doc);
  for (const name of withInputs(formats)) {
    if (name === 'eml' && recipient?.customer) await attachKit(doc, recipient.customer, run);
    const format = FORMATS[name]!;
    const module = await format.load();
    const unavailable = module.unavailable?.(doc);
    if (unavailable) {
      const problem: Diagnostic = {
        file: incident.file,
        line: 1,
        col: 1,
        severity: 'warning',
        path: unavailable.path,
        message: `${variant}.${lang}${recipient ? ` for ${recipient.name}` : ''}: no .${format.ext} written, ${unavailable.message}`,
        hint: unavailable.hint,
      };
      // Asked for by name, a missing format is a failed render (with the file named), not a skip.
      if (run.selection.explicitFormats) throw new InputError([{ ...problem, severity: 'error' }]);
      result.warnings.push(problem);
      continue;
    }
    // A combined format is made from the formats already produced, also in a merge.
    const content = await (produce && !format.combined ? produce(name) : module.render(doc));
    doc.produced.set(name, content);
    const path = format.combined
      ? `${incident.id}/${variant}.${lang}.${format.ext}`
      : `${base}.${format.ext}`;
    // Also the formats another is built from: encoded inside it, a leftover could hide.
    run.texts.scan(path, content);
    if (name === 'txt') checkLength(path, doc, content);
    if (!formats.includes(name)) continue;
    if (format.combined) {
      run.combined.add(path, { variant, lang, format: name, title: doc.title }, content);
      continue;
    }
    const meta = {
      variant,
      lang,
      format: name,
      ...(recipient ? { recipient: recipient.slug } : {}),
      ...(doc.config.perCustomer && doc.customer ? { customer: doc.customer.slug } : {}),
      title: doc.title,
    };
    result.artifacts.push(run.texts.toArtifact(path, meta, content));
    // The archived copy of a page must not depend on the archive: it reads without the links.
    if (doc.earlier && name === 'html') {
      const copy = await module.render({ ...doc, earlier: undefined });
      result.copies.set(path, run.texts.toArtifact(path, meta, copy));
    }
  }
}

/**
 * A short notice in each language: the organisation's (not with `--customer`), then each kit's
 * (`customers/<slug>/`), in the voice of each customer that gets a notice.
 */
function renderShortNotices(
  incident: Incident,
  variant: { name: string; config: Variant },
  formats: readonly string[],
  run: Run,
  audience: Audience,
): Artifact[] {
  const speakers = [
    ...(run.selection.customer === undefined ? [undefined] : []),
    ...audience.withNotice,
  ];
  return speakers.flatMap((customer) =>
    (run.selection.langs ?? [incident.lang]).flatMap((lang) =>
      renderNotice(incident, variant, lang, formats, run.texts, customer),
    ),
  );
}

/**
 * A variant with `renderedWith` (`leicht`) is rendered for a file that has that key, or when it
 * was asked for by name: files without the key render as before.
 */
function isRenderedFor(incident: Incident, config: Variant, selection: Selection): boolean {
  const key = config.renderedWith;
  if (key === undefined || selection.explicitVariants) return true;
  return (incident as unknown as Record<string, unknown>)[key] !== undefined;
}

/** Asked for, but written in none of the file's languages: nothing of it is rendered. */
function notWrittenIn(
  incident: Incident,
  name: string,
  config: Variant,
  langs: readonly string[],
): Diagnostic {
  const written = config.langs!.join(', ');
  return {
    file: incident.file,
    line: 1,
    col: 1,
    severity: 'warning',
    path: '',
    message: `no ${name} text: it is written only in ${written}, and this file is rendered in ${langs.join(', ')}`,
    hint: `render it with --lang ${config.langs![0]} (its texts must then exist in ${written})`,
  };
}

/**
 * Renders the selected variants × languages × formats of one incident, in memory: a function of
 * the incident, the templates and the selection. Languages not selected: the incident's own.
 * Throws InputError (template, leftover placeholder, a format asked for but unavailable).
 * A mail merge renders the e-mail's common part once (`mail-merge.ts`); `eachRecipientInFull`
 * renders each recipient's e-mail on its own instead, as faq did before (the tests compare both);
 * `parseFrom` sets from how many recipients the template is analysed, `mergeFrom` from how many
 * the e-mails are merged at all (default 2: one recipient's e-mail costs less rendered in full
 * than its common part and its own fields made apart; tests set 1 to merge even one).
 */
export async function renderIncident(
  incident: Incident,
  engine: TemplateEngine,
  selection: Selection,
  options: {
    eachRecipientInFull?: boolean;
    parseFrom?: number;
    mergeFrom?: number;
    /** The incident's archived versions: a FAQ page links those older than `updated`. */
    archived?: readonly ArchivedVersion[];
  } = {},
): Promise<RenderResult> {
  const result: RenderResult = { artifacts: [], warnings: [], copies: new Map() };
  const stamp = archiveStamp(incident.updated);
  const variants = readVariants(engine.store);
  const texts = new RenderedTexts(allowedLeftovers(incident));
  const combined = new CombinedFiles();
  const audience = selectAudience(incident, selection);
  const kits = new Kits(incident, engine, variants, selection.wrap);
  const run = { selection, texts, combined, kits };
  for (const name of selection.variants) {
    const config = variants[name];
    if (!config || !isRenderedFor(incident, config, selection)) continue;
    const unavailable = whyNotRendered(name, config, incident);
    if (unavailable && selection.explicitVariants) throw new UsageError(...unavailable);
    if (unavailable) continue;
    const formats = config.formats.filter((f) => selection.formats.includes(f));
    // `--customer`: only that customer's kit (its notices too) and e-mail.
    const isForOne = config.perRecipient || config.perCustomer || config.notice !== undefined;
    if (formats.length === 0 || (selection.customer !== undefined && !isForOne)) continue;
    const recipients = config.perRecipient ? audience.recipients : [];
    if (config.notice) {
      result.artifacts.push(
        ...renderShortNotices(incident, { name, config }, formats, run, audience),
      );
      continue;
    }
    const wrap = selection.wrap ? { wrap: selection.wrap } : {};
    const langs = selection.langs ?? [incident.lang];
    // An English-only render simply has no leicht text; asked for by name, the run says why.
    if (selection.explicitVariants && !langs.some((lang) => isWrittenIn(config, lang)))
      result.warnings.push(notWrittenIn(incident, name, config, langs));
    const written = langs.filter((l) => isWrittenIn(config, l));
    for (const lang of config.perLanguage === false ? written.slice(0, 1) : written) {
      const variant = { name, config };
      if (isFromFacts(config)) {
        const doc = buildFactsDocument(incident, variant, lang, engine);
        doc.siblings = listSiblings(result.artifacts, incident.id);
        await renderDocument(doc, formats, run, result);
        continue;
      }
      if (config.perCustomer) {
        for (const customer of audience.withNotice) {
          const doc = kits.document(variant, customer, lang);
          await renderDocument(doc, formats, run, result, (f) => kits.produce(doc, f));
        }
        continue;
      }
      const subscribe = findFeed(name, variants, selection, lang);
      if (recipients.length >= (options.mergeFrom ?? 2) && !options.eachRecipientInFull) {
        const needsHtml = withInputs(formats).includes('html');
        const parseFrom = options.parseFrom === undefined ? {} : { parseFrom: options.parseFrom };
        const context = { incident, variant, lang, engine, needsHtml, ...wrap, ...parseFrom };
        await renderMailMerge(context, recipients, withInputs(formats), (doc, produce) =>
          renderDocument(doc, formats, run, result, produce),
        );
        continue;
      }
      for (const recipient of recipients.length > 0 ? recipients : [undefined]) {
        // A page's links to its earlier versions and its feed; a recipient's e-mail has neither,
        // as in the mail merge, whether it is merged or rendered in full.
        const earlier =
          !recipient && config.faqPage && options.archived?.length
            ? earlierVersions(options.archived, stamp, `${name}.${lang}.html`, lang)
            : [];
        const doc = buildDocument(incident, variant, lang, engine, {
          ...wrap,
          ...(recipient ? { recipient } : {}),
          ...(earlier.length ? { earlier } : {}),
        });
        if (subscribe && !recipient) doc.subscribe = subscribe;
        await renderDocument(doc, formats, run, result);
      }
    }
  }
  result.artifacts.push(...combined.toArtifacts(texts));
  return result;
}
