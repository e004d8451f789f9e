import type { z } from 'zod';
import type { LocalDate } from './dates.js';
import type { IncidentFile, Phase, Status } from './schema.js';

/** A date of the incident file as written (`fields.ts` brands it). */
type DateText = z.$brand<'IncidentDate'>;

/** `T` with every date, as written, replaced by the date it means. */
export type WithDates<T> = T extends DateText
  ? LocalDate
  : T extends string | number | boolean
    ? T
    : T extends readonly (infer U)[]
      ? WithDates<U>[]
      : T extends object
        ? { [K in keyof T]: WithDates<T[K]> }
        : T;

type Parsed = WithDates<IncidentFile>;

/** One of a customer's services: which of the incident's `services` it is, by index. */
export type CustomerService = Parsed['customers'][number]['services'][number] & { service: number };

/** A customer (`customers:`): its kit's folder name, and its services found in `services`. */
export type Customer = Omit<Parsed['customers'][number], 'services'> & {
  /** File-name part of its kit folder and e-mails, unique within the incident. */
  slug: string;
  /** Its place in `customers`. */
  index: number;
  services: CustomerService[];
};

/** One recipient of a mail merge. */
export type Recipient = Parsed['email']['recipients'][number] & {
  /** File-name part of this recipient's e-mails, unique within the incident. */
  slug: string;
  /** The customer this e-mail is for, when the file has `customers` (the e-mail carries its kit). */
  customer?: Customer;
};

/**
 * A validated incident: the file as the schema reads it (defaults applied), with its dates parsed,
 * its id, status and phase settled (status.ts: the newest update that sets one decides) and each
 * recipient's file name. The input of every renderer.
 */
export type Incident = Omit<Parsed, 'id' | 'email' | 'incident' | 'customers'> & {
  id: string;
  incident: Omit<Parsed['incident'], 'status' | 'phase'> & { status: Status; phase: Phase };
  /** The file it came from, for messages. */
  file: string;
  /** Where the id is written (`id:`), for messages; absent when the file name gives the id. */
  idAt?: { line: number; col: number };
  /** Where `updated:` is written, for messages about the version (the archive). */
  updatedAt?: { line: number; col: number };
  /** With `customers`, one recipient per customer (their e-mails are the mail merge). */
  email: Omit<Parsed['email'], 'recipients'> & { recipients: Recipient[] };
  customers: Customer[];
};
