import { createHash } from 'node:crypto';
import { InputError, type Artifact, type Diagnostic } from '../shared.js';
import type { Incident, Recipient } from '../incident/incident.js';
import { senderOf } from '../formats/eml.js';
import { collectHeadings, inlineText, lexMarkdown } from '../formats/markdown.js';
import { FORMATS } from '../formats/registry.js';
import type { RenderedDocument } from '../formats/types.js';
import { buildViewModel } from '../view/model.js';
import type { TemplateEngine } from './engine.js';
import { allowedLeftovers, scanText } from './scan.js';

export interface Selection {
  variants: string[];
  formats: string[];
  langs: string[];
  /** Formats asked for by name (an e-mail without sender is then an error, not a skip). */
  explicitFormats?: boolean;
  wrap?: number;
}

export interface RenderResult {
  artifacts: Artifact[];
  warnings: Diagnostic[];
}

/** Collapses the blank lines that template logic leaves, so the Markdown reads as written. */
export function normalizeMarkdown(text: string): string {
  return `${text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function toArtifact(
  path: string,
  meta: Omit<Artifact, 'path' | 'content' | 'bytes' | 'sha256'>,
  content: string | Uint8Array,
): Artifact {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    path,
    ...meta,
    content: bytes,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function buildDocument(
  incident: Incident,
  variant: string,
  lang: string,
  engine: TemplateEngine,
  selection: Selection,
  recipient?: Recipient,
): RenderedDocument {
  const config = engine.store.variants()[variant]!;
  const view = buildViewModel(incident, lang, recipient);
  const full = normalizeMarkdown(engine.get(`${lang}/${variant}.md.hbs`, 'markdown')(view));
  const allTokens = lexMarkdown(full);
  const first = allTokens.find((t) => t.type !== 'space');
  const title =
    first?.type === 'heading' && first.depth === 1
      ? inlineText(first.tokens)
      : incident.organization.name;
  const markdown =
    config.titleIsSubject && first?.type === 'heading'
      ? normalizeMarkdown(full.slice(full.indexOf(first.raw) + first.raw.length))
      : full;
  const tokens = markdown === full ? allTokens : lexMarkdown(markdown);
  return {
    incident,
    variant,
    config,
    lang,
    ...(recipient ? { recipient } : {}),
    view,
    title,
    markdown,
    tokens,
    headings: collectHeadings(tokens),
    labels: engine.store.labels(lang),
    layouts: {
      html: (name) => engine.get(`layouts/${name}.html.hbs`, 'html'),
      css: (name) => engine.store.read(`layouts/${name}.css`)?.text ?? '',
    },
    ...(selection.wrap ? { wrap: selection.wrap } : {}),
    produced: new Map(),
  };
}

/**
 * Renders the selected variants × languages × formats of one incident, in memory. Pure apart
 * from reading templates; throws InputError (template or leftover placeholder) on failure.
 */
export async function renderIncident(
  incident: Incident,
  engine: TemplateEngine,
  selection: Selection,
): Promise<RenderResult> {
  const artifacts: Artifact[] = [];
  const warnings: Diagnostic[] = [];
  const variants = engine.store.variants();
  const allowed = allowedLeftovers(incident);
  for (const variant of selection.variants) {
    const config = variants[variant];
    if (!config) continue;
    const formats = config.formats.filter((f) => selection.formats.includes(f));
    if (formats.length === 0) continue;
    const recipients: (Recipient | undefined)[] =
      config.perRecipient && incident.email.recipients.length > 0
        ? incident.email.recipients
        : [undefined];
    for (const lang of selection.langs) {
      for (const recipient of recipients) {
        const doc = buildDocument(incident, variant, lang, engine, selection, recipient);
        const base = `${incident.id}/${variant}.${lang}${recipient ? `.${recipient.slug}` : ''}`;
        // eml is built from the txt and html parts, so those are rendered first.
        const order = [
          ...new Set([...(formats.includes('eml') ? ['txt', 'html'] : []), ...formats]),
        ];
        for (const format of order) {
          if (format === 'eml' && !senderOf(doc)) {
            const problem: Diagnostic = {
              file: incident.file,
              line: 1,
              col: 1,
              severity: 'warning',
              path: 'email.from',
              message: `${variant}.${lang}${recipient ? ` for ${recipient.name}` : ''}: no .eml written, the e-mail has no sender`,
              hint: 'set email.from or organization.contact.email',
            };
            // Asked for by name, a missing .eml is a failed render (with the file named), not a skip.
            if (selection.explicitFormats)
              throw new InputError([{ ...problem, severity: 'error' }]);
            warnings.push(problem);
            continue;
          }
          const content = await FORMATS[format]!.render(doc);
          doc.produced.set(format, content);
          // Also the parts an .eml is built from: encoded inside it, a leftover could hide.
          scanText(`${base}.${FORMATS[format]!.ext}`, content, allowed);
          if (!formats.includes(format)) continue;
          const meta = {
            variant,
            lang,
            format,
            ...(recipient ? { recipient: recipient.slug } : {}),
          };
          const artifact = toArtifact(`${base}.${FORMATS[format]!.ext}`, meta, content);
          artifacts.push(artifact);
        }
      }
    }
  }
  return { artifacts, warnings };
}

export { InputError };
