import { atProvider } from '../lang/grammar.js';
import { CUSTOMER_WORDING, type CustomerWording } from './customer-wording.js';
import type { NoticeKind } from './limits.js';
import type { CustomerOf, NoticeFacts, Piece, Speaker } from './types.js';

// The pieces of a customer's short notice that differ from the organisation's: it speaks of the
// incident at its provider, lists what works again once everything does, and names the
// provider's page as the source. `build.ts` assembles them with the common ones.

function wordingOf(lang: string): CustomerWording {
  return CUSTOMER_WORDING[lang] ?? CUSTOMER_WORDING.en!;
}

/** "Die Stadtwerke Eschweiler sind von einer IT-Störung bei ihrem IT-Dienstleister regio iT betroffen." */
function writeLead(facts: NoticeFacts, speaker: Speaker, of: CustomerOf): string {
  const w = wordingOf(facts.lang);
  const verb = facts.phase === 'resolved' ? of.was : speaker.forms.is;
  const at = atProvider(facts.lang, of.gender);
  return w.lead(speaker.forms.Nom, verb, w.cause[facts.status], at, of.provider);
}

/** The lead and where things stand: "… betroffen. Einige Leistungen sind derzeit …". */
export function writeCustomerLead(facts: NoticeFacts, speaker: Speaker, of: CustomerOf): string {
  return `${writeLead(facts, speaker, of)} ${wordingOf(facts.lang).state[facts.phase]}`;
}

/**
 * The opening of a written notice: the full sentences, then (from k = 4) the short one. While
 * the services are listed (k < 1, not in a banner), they say what the second sentence would,
 * but for the phase "recovering".
 */
export function customerOpening(
  kind: NoticeKind,
  facts: NoticeFacts,
  speaker: Speaker,
  of: CustomerOf,
): Piece[] {
  const w = wordingOf(facts.lang);
  const short = w.short[facts.phase](w.causeShort[facts.status], of.provider);
  const over = facts.phase === 'resolved';
  const listed =
    kind !== 'banner' &&
    facts.phase !== 'recovering' &&
    facts.services.some((s) => (s.state === 'restored') === over);
  return [
    { text: writeLead(facts, speaker, of), until: 4 },
    { text: w.state[facts.phase], from: listed ? 1 : 0, until: 4 },
    { text: `${speaker.name}: ${short}`, from: 4 },
  ];
}

/** Once every service of the customer works again: which ones (left out first, as the services). */
export function restoredPieces(
  kind: NoticeKind,
  facts: NoticeFacts,
  list: (names: string[]) => string,
): Piece[] {
  const names = facts.services.filter((s) => s.state === 'restored').map((s) => s.name);
  if (facts.phase !== 'resolved' || names.length === 0) return [];
  const w = wordingOf(facts.lang);
  if (kind === 'phone') return [{ text: w.spokenRestored(list(names)), until: 2 }];
  return [{ text: w.restored(list(names)), until: kind === 'banner' ? 0 : 1 }];
}

/** The provider's page, in writing only: the first piece to go (k = 0.5), before the services. */
export function sourcePieces(facts: NoticeFacts, of: CustomerOf): Piece[] {
  return of.source ? [{ text: wordingOf(facts.lang).source(of.source), until: 0.5 }] : [];
}
