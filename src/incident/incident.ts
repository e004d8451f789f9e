import type { LocalDate } from './dates.js';
import type { Gender, Localized, Measure, Phase, Status } from './schema.js';
import type { Lang } from '../lang/index.js';

/** A validated incident with defaults applied and dates parsed: the input of every renderer. */
export interface Incident {
  id: string;
  lang: Lang;
  /** The file it came from, for messages. */
  file: string;
  updated: LocalDate;
  organization: {
    name: string;
    about?: Localized;
    city?: string;
    website?: string;
    timezone: string;
    contact?: Contact;
    gender: Gender;
    genitive?: string;
  };
  incident: {
    status: Status;
    phase: Phase;
    detected: LocalDate;
    crisisTeam?: LocalDate;
    findingsExpected?: LocalDate;
    measures: Measure[];
    affected: Localized[];
  };
  options: { cancelAppointments: boolean };
  questions: { question: Localized; answer: Localized }[];
  press: { headline?: Localized };
  email: {
    subject?: Localized;
    from?: { name?: string; email: string };
    salutation?: Localized;
    signature?: Localized;
    recipients: Recipient[];
  };
}

export interface Contact {
  name?: string;
  email?: string;
  phone?: string;
}

export interface Recipient {
  name: string;
  /** File-name part of this recipient's e-mails, unique within the incident. */
  slug: string;
  email?: string;
  salutation?: Localized;
  answer?: Localized;
}
