import type { NoticeFacts } from './types.js';

/**
 * The sentences of a customer's short notices (issue 16): the customer speaks of the incident at
 * its IT service provider, as its citizen notice does ("Die Stadt Aachen ist von einer
 * IT-Störung bei ihrem IT-Dienstleister regio iT betroffen."). `build.ts` puts them together.
 */
export interface CustomerWording {
  /** What happened at the provider, as after "von" / "by": "einer IT-Störung". */
  cause: Record<NoticeFacts['status'], string>;
  /** The same, short: "IT-Störung". */
  causeShort: Record<NoticeFacts['status'], string>;
  /** The first sentence: who (with article, at a sentence's start), its verb, what, where. */
  lead: (who: string, verb: string, cause: string, at: string, provider: string) => string;
  /** The second sentence, per phase; `resolved`: every service of the customer works again. */
  state: Record<NoticeFacts['phase'], string>;
  /** The short first sentence, per phase, after the name and a colon. */
  short: Record<NoticeFacts['phase'], (cause: string, provider: string) => string>;
  /** "Wieder verfügbar: A, B." */
  restored: (names: string) => string;
  /** The provider's page for the incident. */
  source: (url: string) => string;
  spokenRestored: (names: string) => string;
}

export const CUSTOMER_WORDING: Record<string, CustomerWording> = {
  de: {
    cause: {
      unknown: 'einer IT-Störung',
      attack: 'einem Cyberangriff',
      malfunction: 'einer technischen Fehlfunktion',
    },
    causeShort: { unknown: 'IT-Störung', attack: 'Cyberangriff', malfunction: 'Fehlfunktion' },
    lead: (who, verb, cause, at, provider) =>
      `${who} ${verb} von ${cause} ${at} ${provider} betroffen.`,
    state: {
      investigating: 'Einige Leistungen sind derzeit nicht oder nur eingeschränkt verfügbar.',
      recovering: 'Die Leistungen werden schrittweise wieder verfügbar.',
      resolved: 'Die betroffenen Leistungen funktionieren wieder.',
    },
    short: {
      investigating: (cause, provider) =>
        `${cause} beim IT-Dienstleister ${provider}, Leistungen eingeschränkt.`,
      recovering: (cause, provider) =>
        `${cause} beim IT-Dienstleister ${provider}, Leistungen laufen wieder an.`,
      resolved: (cause, provider) =>
        `Nach ${cause} beim IT-Dienstleister ${provider} Leistungen wieder verfügbar.`,
    },
    restored: (names) => `Wieder verfügbar: ${names}.`,
    source: (url) => `Quelle: ${url}`,
    spokenRestored: (names) => `Wieder verfügbar sind: ${names}.`,
  },
  en: {
    cause: {
      unknown: 'an IT disruption',
      attack: 'a cyber attack',
      malfunction: 'a technical malfunction',
    },
    causeShort: { unknown: 'IT disruption', attack: 'cyber attack', malfunction: 'malfunction' },
    lead: (who, verb, cause, at, provider) =>
      `${who} ${verb} affected by ${cause} ${at} ${provider}.`,
    state: {
      investigating: 'Some services are currently unavailable or limited.',
      recovering: 'Services are coming back step by step.',
      resolved: 'The affected services work again.',
    },
    short: {
      investigating: (cause, provider) =>
        `${capitalize(cause)} at IT provider ${provider}, services limited.`,
      recovering: (cause, provider) =>
        `${capitalize(cause)} at IT provider ${provider}, services coming back.`,
      resolved: (cause, provider) =>
        `After ${cause} at IT provider ${provider}, services work again.`,
    },
    restored: (names) => `Working again: ${names}.`,
    source: (url) => `Source: ${url}`,
    spokenRestored: (names) => `Working again: ${names}.`,
  },
};

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
