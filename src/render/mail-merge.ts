import { randomBytes } from 'node:crypto';
import type { Recipient } from '../incident/incident.js';
import { markMarkdown, markText } from '../formats/draft.js';
import { EmlFrames } from '../formats/eml-frame.js';
import type { RenderedDocument } from '../formats/types.js';
import { buildViewModel, type ViewModel } from '../view/model.js';
import { showRecipient } from '../view/values.js';
import { buildDocument, normalizeMarkdown } from './document.js';
import type { CompiledTemplate, TemplateEngine } from './engine.js';
import { inlineAll, prepareFragment, type Fragment } from './merge-fragments.js';
import { buildSkeleton, fillCut, type MergeContext, type Skeleton } from './merge-skeleton.js';
import { usesRecipientPlainly } from './recipient-use.js';

export type { MergeContext };

/** Renders one format of a document, instead of the format's own renderer. */
export type Produce = (format: string) => Promise<string | Uint8Array>;

/** How one recipient's e-mail is made: its skeleton, with its own fields put in. */
interface Plan {
  skeleton: Skeleton;
  view: ViewModel;
  /** The recipient's Markdown, rendered by the template (and equal to the skeleton filled in). */
  markdown: string;
  fragments: Record<string, Fragment>;
}

/** E-mails of mail merges made from their common part, and rendered in full (FAQ_TIMING). */
export const mergeCounts = { merged: 0, inFull: 0 };

/** The formats a merged e-mail is made in from its skeleton; any other renders each in full. */
const MERGED_FORMATS = ['txt', 'html', 'md', 'eml', 'mbox'];

/**
 * Renders a mail merge, one document per recipient in their order, each handed to `emit` as the
 * per-recipient render would: the e-mail's common part — its template rendered with a token
 * for each recipient field, the HTML with its CSS inlined, the text, the MIME frame — is made
 * once per kind of recipient, and each recipient's own fields (salutation, answer) are rendered
 * alone and put in. Each recipient's Markdown is still rendered by the template and must equal
 * its skeleton filled in; whatever cannot be put together that way (a template that shows a field
 * inside a sentence, a field that is a list, a style sheet with descendant selectors) is rendered
 * in full for that recipient, so the bytes are those of the per-recipient render in every case.
 */
export async function renderMailMerge(
  context: MergeContext,
  recipients: readonly Recipient[],
  formats: readonly string[],
  emit: (doc: RenderedDocument, produce?: Produce) => Promise<void>,
): Promise<void> {
  const merge = formats.every((f) => MERGED_FORMATS.includes(f))
    ? new MailMerge(context, recipients.length >= (context.parseFrom ?? PARSE_FROM))
    : null;
  const plans: (Plan | undefined)[] = [];
  for (const recipient of recipients) plans.push(await merge?.plan(recipient));
  await merge?.inlineFragments();
  for (const [n, recipient] of recipients.entries()) {
    const plan = plans[n];
    plans[n] = undefined;
    if (merge && plan && merge.isComplete(plan)) {
      mergeCounts.merged++;
      const doc = merge.documentOf(plan, recipient);
      await emit(doc, (format) => merge.produce(plan, doc, format));
    } else {
      mergeCounts.inFull++;
      const { incident, variant, lang, engine, wrap } = context;
      await emit(buildDocument(incident, variant, lang, engine, { wrap, recipient }));
    }
  }
}

/** From this many recipients, the template is analysed instead of rendered for each. */
const PARSE_FROM = 32;

function isPlainTemplate(engine: TemplateEngine, name: string): boolean {
  try {
    const template = engine.parse(`${name}.md.hbs`);
    const lang = name.split('/')[0]!;
    return (
      template !== undefined &&
      usesRecipientPlainly(template, (partial) =>
        engine.store.partials(lang).includes(partial)
          ? engine.parse(`${lang}/partials/${partial}.md.hbs`)
          : undefined,
      )
    );
  } catch {
    return false;
  }
}

class MailMerge {
  private readonly view: ViewModel;
  private readonly template: CompiledTemplate;
  /** Makes the tokens unguessable: text of the incident can never be one. */
  private readonly nonce = randomBytes(8).toString('hex');
  private readonly skeletons = new Map<string, Promise<Skeleton | undefined>>();
  private readonly fragments = new Map<string, Fragment | undefined>();
  private readonly pending = new Map<Skeleton, Set<Fragment>>();
  private readonly frames = new EmlFrames();

  /** Whether the template uses the recipient plainly (`recipient-use.ts`). */
  private readonly isPlain: boolean;

  constructor(
    private readonly context: MergeContext,
    parse: boolean,
  ) {
    const { incident, lang, engine, variant } = context;
    this.view = buildViewModel(incident, lang, undefined, variant.config);
    this.template = engine.get(`${lang}/${variant.name}.md.hbs`, 'markdown');
    // Parsing needs Handlebars' compiler: worth loading for a large merge only.
    this.isPlain = parse && isPlainTemplate(engine, `${lang}/${variant.name}`);
  }

  /** The plan for a recipient, or undefined: rendered in full (which reports any error). */
  async plan(recipient: Recipient): Promise<Plan | undefined> {
    // A customer's e-mail names its services and carries its notice: no skeleton has those.
    if (recipient.customer) return undefined;
    try {
      return await this.makePlan(recipient);
    } catch {
      return undefined;
    }
  }

  private async makePlan(recipient: Recipient): Promise<Plan | undefined> {
    const { incident, lang, wrap } = this.context;
    const shown = showRecipient(recipient, lang, incident.lang) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const [field, value] of Object.entries(shown)) {
      if (value === undefined) continue;
      if (typeof value !== 'string' || value === '') return undefined;
      values[field] = value;
    }
    const skeleton = await this.skeletonFor(Object.keys(values));
    if (!skeleton) return undefined;
    const view = { ...this.view, recipient: shown } as ViewModel;
    // A template that uses the recipient plainly gives the skeleton with the fields put in.
    const raw = this.isPlain ? fillCut(skeleton.raw, values) : this.template(view);
    const full = normalizeMarkdown(raw);
    if (!full.startsWith(skeleton.subject)) return undefined;
    const markdown = skeleton.bodyStart ? normalizeMarkdown(full.slice(skeleton.bodyStart)) : full;
    if (markdown !== fillCut(skeleton.markdown, values)) return undefined;
    const fragments: Record<string, Fragment> = {};
    for (const field of Object.keys(skeleton.tokens)) {
      const value = values[field]!;
      if (!this.fragments.has(value)) this.fragments.set(value, prepareFragment(value, wrap));
      const fragment = this.fragments.get(value);
      if (!fragment) return undefined;
      fragments[field] = fragment;
      if (skeleton.html && fragment.inlined === undefined) {
        if (!this.pending.has(skeleton)) this.pending.set(skeleton, new Set());
        this.pending.get(skeleton)!.add(fragment);
      }
    }
    return { skeleton, view, markdown, fragments };
  }

  private skeletonFor(fields: string[]): Promise<Skeleton | undefined> {
    const key = fields.sort().join(',');
    let skeleton = this.skeletons.get(key);
    if (!skeleton) {
      const tokens = Object.fromEntries(fields.map((f, n) => [f, `faqmerge${this.nonce}${n}x`]));
      skeleton = buildSkeleton(this.context, this.view, tokens).catch(() => undefined);
      this.skeletons.set(key, skeleton);
    }
    return skeleton;
  }

  inlineFragments(): Promise<void> {
    return inlineAll(this.pending);
  }

  /** Whether everything the recipient's formats need could be made from the skeleton. */
  isComplete(plan: Plan): boolean {
    return !this.context.needsHtml || Object.values(plan.fragments).every((f) => f.inlined);
  }

  documentOf(plan: Plan, recipient: Recipient): RenderedDocument {
    const { doc } = plan.skeleton;
    return { ...doc, recipient, view: plan.view, markdown: plan.markdown, produced: new Map() };
  }

  async produce(plan: Plan, doc: RenderedDocument, format: string): Promise<string | Uint8Array> {
    const own = (part: 'text' | 'inlined'): Record<string, string> =>
      Object.fromEntries(Object.entries(plan.fragments).map(([f, frag]) => [f, frag[part]!]));
    switch (format) {
      case 'md':
        return markMarkdown(doc, plan.markdown);
      case 'txt':
        return markText(doc, fillCut(plan.skeleton.text, own('text')));
      case 'html':
        return fillCut(plan.skeleton.html!.inlined, own('inlined'));
      case 'eml':
        return this.frames.render(doc);
      default:
        throw new Error(`no merged ${format}`);
    }
  }
}
