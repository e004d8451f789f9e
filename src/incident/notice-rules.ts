import { buildNotice } from '../notices/build.js';
import { NOTICE_KINDS, type NoticeKind } from '../notices/limits.js';
import type { Report } from './date-rules.js';
import type { Incident } from './incident.js';
import {
  customerSpeaker,
  readCustomerNoticeFacts,
  readCustomerNoticeOverride,
} from './customer-notice-facts.js';
import { organizationSpeaker, readNoticeFacts, readNoticeOverride } from './notice-facts.js';

/** What must never be in a notice's own text: it is sent as written, nothing is filled in. */
const PLACEHOLDERS = /\{\{|\}\}|DATUM|OPTION:|\[Individuell beantworten\]|\{[a-z_.]+\}/;

/**
 * Each short notice of each language fits its rules: an own text at its line, a built-in one
 * at the field that made even its shortest wording too long (the name, the website …).
 */
export function checkNotices(
  incident: Incident,
  langs: readonly string[],
  kinds: readonly NoticeKind[],
  report: Report,
): void {
  const seen = new Set<string>();
  for (const kind of kinds) {
    for (const lang of langs) {
      const override = readNoticeOverride(incident, kind, lang);
      if (override.text !== undefined) {
        const found = PLACEHOLDERS.exec(override.text);
        if (found) {
          report(
            override.textPath!,
            `notices.${kind}.text contains "${found[0]}": the text is sent as written, nothing is filled in`,
            'write the text itself (the date, the name, the address)',
          );
          continue;
        }
      }
      const facts = readNoticeFacts(incident, lang);
      const notice = buildNotice(kind, facts, organizationSpeaker(incident, lang), override);
      const problem = notice.problem;
      if (!problem) continue;
      const message = notice.isOverride ? problem.message : `${problem.message} (${lang})`;
      const key = `${problem.path.join('.')}\n${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report(problem.path, message, problem.hint);
    }
  }
  checkCustomerNotices(incident, langs, kinds, report, seen);
}

/**
 * Each customer's short notices (those with a notice: it uses a service) fit their rules too:
 * built-in wording made too long by the customer's data is reported at the customer's field.
 */
function checkCustomerNotices(
  incident: Incident,
  langs: readonly string[],
  kinds: readonly NoticeKind[],
  report: Report,
  seen: Set<string>,
): void {
  for (const customer of incident.customers) {
    if (customer.services.length === 0) continue;
    for (const kind of kinds) {
      for (const lang of langs) {
        const notice = buildNotice(
          kind,
          readCustomerNoticeFacts(incident, customer, lang),
          customerSpeaker(incident, customer, lang),
          readCustomerNoticeOverride(incident, kind),
        );
        const problem = notice.problem;
        if (!problem) continue;
        const key = `${problem.path.join('.')}\n${problem.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report(problem.path, `${customer.name}: ${problem.message} (${lang})`, problem.hint);
      }
    }
  }
}

/** The notice kinds of the variants to be rendered; all of them when no variants are named. */
export function noticeKindsOf(variants: readonly { notice?: string }[] | undefined): NoticeKind[] {
  if (!variants) return [...NOTICE_KINDS];
  return NOTICE_KINDS.filter((kind) => variants.some((v) => v.notice === kind));
}
