import type { LocalDate } from '../shared.js';
import type { Gender, OrgForms } from '../lang/grammar.js';

/** A key path of the incident file, for messages: `['organization', 'name']`. */
export type FieldPath = readonly (string | number)[];

/**
 * Who speaks in a notice: the organisation itself, or (issue 16) a customer in its own voice.
 * An input of the builder, so that any speaker's notices are built by the same wording.
 */
export interface Speaker {
  /** The name the notices use: the short name when there is one. */
  name: string;
  /** The name in the sentences of `lang` (`nom`, `gen`, … and `is`), for that name. */
  forms: OrgForms;
  /** Where the name is written, and whether a shorter one could be given (`short_name`). */
  namePath: FieldPath;
  /** Where a short name would go, when the name used is the full one. */
  shortNamePath?: FieldPath;
  website?: string;
  websitePath?: FieldPath;
  /** The phone number citizens call (the incident's hotline, or a customer's own). */
  phone?: string;
  phonePath?: FieldPath;
  /** The number is a hotline for this incident ("Hotline:"), not just the general one ("Tel.:"). */
  isHotline?: boolean;
  /** When that number is staffed, as written ("Mo–Fr 8–18 Uhr"). */
  hours?: string;
  hoursPath?: FieldPath;
  /** An administration speaks of its "Dienstleistungen", a provider of its "IT-Services". */
  isAdministration: boolean;
  /** The speaker is a customer (issue 16): it speaks of the incident at its IT service provider. */
  customerOf?: CustomerOf;
}

/** What a customer's notices say of the provider whose incident affects it. */
export interface CustomerOf {
  /** The customer's gender, for "bei ihrem / seinem IT-Dienstleister". */
  gender: Gender;
  /** "war" / "waren"; "was" / "were": the customer's verb once everything works again. */
  was: string;
  /** The provider's name, as its own notices use it (its short name when it has one). */
  provider: string;
  providerPath: FieldPath;
  /** Where a shorter provider name would go (`organization.short_name`). */
  providerShortPath?: FieldPath;
  /** The provider's page for this incident (its FAQ page when published, else its website). */
  source?: string;
  sourcePath?: FieldPath;
}

/** One service and its state, its name in the notice's language. */
export interface NoticeService {
  name: string;
  state: 'down' | 'limited' | 'restored';
}

/** The facts a notice is built from: the same as the FAQ's. */
export interface NoticeFacts {
  lang: string;
  status: 'unknown' | 'attack' | 'malfunction';
  phase: 'investigating' | 'recovering' | 'resolved';
  updated: LocalDate;
  /** When the next findings or the next update are expected. */
  findingsExpected?: LocalDate;
  /** The newest update, its text as plain text. */
  latestUpdate?: { at: LocalDate; text: string; path: FieldPath };
  services: NoticeService[];
  /** Where the services are listed (`services` or `incident.affected`). */
  servicesPath: FieldPath;
  cancelAppointments: boolean;
}

/** A notice's text set in the incident file (`notices.<kind>.text`), and its SMS parts. */
export interface NoticeOverride {
  text?: string;
  /** Where the text is written (with its language, when a map). */
  textPath?: FieldPath;
  segments: number;
  segmentsPath?: FieldPath;
}

/** A piece of a built-in notice, present in the candidates `from` ≤ k < `until`. */
export interface Piece {
  text: string;
  from?: number;
  until?: number;
}
