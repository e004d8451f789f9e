import type { Customer, Incident } from '../incident/incident.js';
import { isDraft } from '../incident/approval.js';
import {
  customerSpeaker,
  readCustomerNoticeFacts,
  readCustomerNoticeOverride,
} from '../incident/customer-notice-facts.js';
import {
  organizationSpeaker,
  readNoticeFacts,
  readNoticeOverride,
} from '../incident/notice-facts.js';
import { renderBannerHtml } from '../notices/banner-html.js';
import { buildNotice, type Notice } from '../notices/build.js';
import type { NoticeKind } from '../notices/limits.js';
import type { Speaker } from '../notices/types.js';
import { WORDING } from '../notices/wording.js';
import { FORMATS } from '../formats/registry.js';
import { InputError, type Artifact, type Variant } from '../shared.js';
import type { RenderedTexts } from './artifact.js';

/** A notice in `lang` in the voice of the organisation, or of a customer (its kit's notice). */
function buildSpoken(
  incident: Incident,
  kind: NoticeKind,
  lang: string,
  customer: Customer | undefined,
): { notice: Notice; speaker: Speaker } {
  if (!customer) {
    const speaker = organizationSpeaker(incident, lang);
    const facts = readNoticeFacts(incident, lang);
    const override = readNoticeOverride(incident, kind, lang);
    return { notice: buildNotice(kind, facts, speaker, override), speaker };
  }
  const speaker = customerSpeaker(incident, customer, lang);
  const facts = readCustomerNoticeFacts(incident, customer, lang);
  const override = readCustomerNoticeOverride(incident, kind);
  return { notice: buildNotice(kind, facts, speaker, override), speaker };
}

/**
 * Renders a short notice (a variant with `notice`) in one language: its plain text, exactly the
 * text to paste (a draft starts with "ENTWURF:"), and for the banner the HTML snippet. Each
 * artifact carries the counts by its kind's rules. With a customer, the notice is the customer's
 * own, in its kit (`customers/<slug>/`). Validation has reported a notice that is too long at
 * its field; one that still is (a language not validated) fails here.
 */
export function renderNotice(
  incident: Incident,
  variant: { name: string; config: Variant },
  lang: string,
  formats: readonly string[],
  texts: RenderedTexts,
  customer?: Customer,
): Artifact[] {
  const kind = variant.config.notice as NoticeKind;
  const { notice, speaker } = buildSpoken(incident, kind, lang, customer);
  if (notice.problem)
    throw new InputError([
      {
        file: incident.file,
        line: 1,
        col: 1,
        severity: 'error',
        path: notice.problem.path.join('.'),
        message: notice.problem.message,
        hint: notice.problem.hint,
      },
    ]);
  const draft = isDraft(incident) ? (WORDING[lang] ?? WORDING.en!).draft : undefined;
  const contents: Record<string, string> = {
    txt: draft ? `${draft} ${notice.text}` : notice.text,
    html: renderBannerHtml(notice.text, {
      lang,
      name: speaker.name,
      ...(speaker.phone ? { phone: speaker.phone } : {}),
      ...(draft ? { draft } : {}),
    }),
  };
  const meta = { kind, counts: notice.counts };
  const folder = customer ? `${incident.id}/customers/${customer.slug}` : incident.id;
  return formats.flatMap((format) => {
    const content = contents[format];
    if (content === undefined) return [];
    const path = `${folder}/${variant.name}.${lang}.${FORMATS[format]!.ext}`;
    texts.scan(path, content);
    const title = notice.text.length > 80 ? `${notice.text.slice(0, 79)}…` : notice.text;
    const owner = customer ? { customer: customer.slug } : {};
    return [
      texts.toArtifact(
        path,
        { variant: variant.name, lang, format, ...owner, title, notice: meta },
        content,
      ),
    ];
  });
}
