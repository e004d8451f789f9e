import type { OrgForms } from '../lang/grammar.js';
import type { NoticeFacts } from './types.js';

/** The built-in sentences of one language; `build.ts` puts them together per notice. */
export interface Wording {
  /** What is known and where things stand, per status and phase: [long, short]. */
  state: Record<NoticeFacts['status'], Record<NoticeFacts['phase'], readonly [string, string]>>;
  /** "Nicht verfügbar: A, B." for the services in one state. */
  services: Record<'down' | 'limited', (names: string) => string>;
  /** "Nächster Stand am 28.11." */
  next: (date: string) => string;
  appointments: string;
  website: (url: string) => string;
  hotline: (phone: string) => string;
  /** A number that is no hotline (the organisation's contact). */
  phone: (phone: string) => string;
  stand: (date: string) => string;
  /** The draft mark before a notice's text. */
  draft: string;
  /** The banner's link text. */
  bannerLink: string;
  /** "und" / "and": the last item of a spoken list. */
  and: string;
  spoken: {
    opening: (org: OrgForms) => string;
    services: Record<'down' | 'limited', (names: string) => string>;
    appointments: string;
    update: (when: string, text: string) => string;
    next: (date: string) => string;
    website: (host: string) => string;
    hotline: (digits: string, hours?: string) => string;
    phone: (digits: string) => string;
    stand: (when: string) => string;
    closing: string;
  };
}

export const WORDING: Record<string, Wording> = {
  de: {
    state: {
      unknown: {
        investigating: [
          'IT-Störung. Ob ein Cyberangriff oder eine Fehlfunktion vorliegt, ist noch offen; Dienste sind eingeschränkt.',
          'IT-Störung, Ursache noch offen, Dienste eingeschränkt.',
        ],
        recovering: [
          'IT-Störung. Die Systeme werden schrittweise wieder in Betrieb genommen, die Ursache ist noch offen.',
          'IT-Störung, Systeme laufen schrittweise wieder an.',
        ],
        resolved: [
          'Die IT-Störung ist behoben, die Systeme sind wieder in Betrieb.',
          'IT-Störung behoben, Systeme wieder in Betrieb.',
        ],
      },
      attack: {
        investigating: [
          'Cyberangriff. Dienste sind derzeit nicht oder nur eingeschränkt verfügbar.',
          'Cyberangriff, Dienste eingeschränkt.',
        ],
        recovering: [
          'Nach dem Cyberangriff werden die Systeme schrittweise wieder in Betrieb genommen.',
          'Nach Cyberangriff laufen die Systeme wieder an.',
        ],
        resolved: [
          'Nach dem Cyberangriff sind die Systeme wieder in Betrieb.',
          'Nach Cyberangriff Systeme wieder in Betrieb.',
        ],
      },
      malfunction: {
        investigating: [
          'Technische Fehlfunktion, kein Cyberangriff. Dienste sind derzeit nicht oder nur eingeschränkt verfügbar.',
          'Fehlfunktion, kein Angriff, Dienste eingeschränkt.',
        ],
        recovering: [
          'Technische Fehlfunktion, kein Cyberangriff. Die Systeme werden schrittweise wieder in Betrieb genommen.',
          'Fehlfunktion, kein Angriff, Systeme laufen wieder an.',
        ],
        resolved: [
          'Die technische Fehlfunktion ist behoben, die Systeme sind wieder in Betrieb.',
          'Fehlfunktion behoben, Systeme wieder in Betrieb.',
        ],
      },
    },
    services: {
      down: (names) => `Nicht verfügbar: ${names}.`,
      limited: (names) => `Eingeschränkt: ${names}.`,
    },
    next: (date) => `Nächster Stand am ${date.replace(/\.$/, '')}.`,
    appointments: 'Termine bitte nicht wahrnehmen.',
    website: (url) => `Infos: ${url}`,
    hotline: (phone) => `Hotline: ${phone}`,
    phone: (phone) => `Tel.: ${phone}`,
    stand: (date) => `Stand: ${date}`,
    draft: 'ENTWURF:',
    bannerLink: 'Aktuelle Informationen',
    and: 'und',
    spoken: {
      opening: (org) => `Sie hören eine Ansage ${org.gen}.`,
      services: {
        down: (names) => `Derzeit nicht verfügbar sind: ${names}.`,
        limited: (names) => `Nur eingeschränkt verfügbar sind: ${names}.`,
      },
      appointments: 'Bitte nehmen Sie Termine derzeit nicht wahr.',
      update: (when, text) => `Neu seit ${when}: ${text}`,
      next: (date) => `Den nächsten Stand geben wir voraussichtlich am ${date} bekannt.`,
      website: (host) => `Aktuelle Informationen finden Sie im Internet unter ${host}.`,
      hotline: (digits, hours) =>
        `Unsere Hotline erreichen Sie unter ${digits}${hours ? `, ${hours}` : ''}.`,
      phone: (digits) => `Telefonisch erreichen Sie uns unter ${digits}.`,
      stand: (when) => `Stand dieser Ansage: ${when}.`,
      closing: 'Vielen Dank für Ihr Verständnis.',
    },
  },
  en: {
    state: {
      unknown: {
        investigating: [
          'IT disruption. Whether it is a cyber attack or a malfunction is still open; services are limited.',
          'IT disruption, cause still open, services limited.',
        ],
        recovering: [
          'IT disruption. Systems are being brought back step by step; the cause is still open.',
          'IT disruption, systems coming back step by step.',
        ],
        resolved: [
          'The IT disruption is over; systems are running again.',
          'IT disruption over, systems running again.',
        ],
      },
      attack: {
        investigating: [
          'Cyber attack. Services are currently unavailable or limited.',
          'Cyber attack, services limited.',
        ],
        recovering: [
          'After the cyber attack, systems are being brought back step by step.',
          'After cyber attack, systems coming back.',
        ],
        resolved: [
          'After the cyber attack, systems are running again.',
          'After cyber attack, systems running again.',
        ],
      },
      malfunction: {
        investigating: [
          'Technical malfunction, not a cyber attack. Services are currently unavailable or limited.',
          'Malfunction, no attack, services limited.',
        ],
        recovering: [
          'Technical malfunction, not a cyber attack. Systems are being brought back step by step.',
          'Malfunction, no attack, systems coming back.',
        ],
        resolved: [
          'The technical malfunction is fixed; systems are running again.',
          'Malfunction fixed, systems running again.',
        ],
      },
    },
    services: {
      down: (names) => `Unavailable: ${names}.`,
      limited: (names) => `Limited: ${names}.`,
    },
    next: (date) => `Next update on ${date}.`,
    appointments: 'Please do not come to appointments.',
    website: (url) => `Info: ${url}`,
    hotline: (phone) => `Hotline: ${phone}`,
    phone: (phone) => `Phone: ${phone}`,
    stand: (date) => `As of ${date}`,
    draft: 'DRAFT:',
    bannerLink: 'Current information',
    and: 'and',
    spoken: {
      opening: (org) => `This is an announcement from ${org.nom}.`,
      services: {
        down: (names) => `Currently unavailable: ${names}.`,
        limited: (names) => `Only partly available: ${names}.`,
      },
      appointments: 'Please do not come to appointments for now.',
      update: (when, text) => `New since ${when}: ${text}`,
      next: (date) => `We expect to give the next update on ${date}.`,
      website: (host) => `You will find current information on the web at ${host}.`,
      hotline: (digits, hours) =>
        `You can reach our hotline at ${digits}${hours ? `, ${hours}` : ''}.`,
      phone: (digits) => `You can reach us by phone at ${digits}.`,
      stand: (when) => `This announcement is as of ${when}.`,
      closing: 'Thank you for your understanding.',
    },
  },
};
