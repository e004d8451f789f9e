import type { Customer, Incident, Recipient } from '../incident/incident.js';
import { withoutUndefined, type Variant } from '../shared.js';
import { orderNewestFirst } from '../incident/status.js';
import { isShownIn, type IncidentState } from '../incident/moments.js';
import { orgForms, type OrgForms } from '../lang/grammar.js';
import { showCustomer, type CustomerView } from './customer.js';
import { showDataProtection, type DataProtectionView } from './data-protection.js';
import { showReport, type ReportView } from './report.js';
import {
  showIncident,
  showRecipient,
  toTableCell,
  toTelHref,
  type DateView,
  type ServiceView,
  type Shown,
} from './values.js';
import { buildLeichtView, type LeichtView } from './leicht.js';

export type { DateView } from './values.js';

/** One entry of the update log. */
export interface UpdateView {
  at: DateView;
  text: string;
  status?: string;
  phase?: string;
  /** `is.<status>`, `is.<phase>` for what this update established (empty when it changed neither). */
  is: Record<string, boolean>;
}

/**
 * What a template sees. Every string is Markdown, ready to be placed: plain values from the
 * incident file are escaped, Markdown values made safe, each by its kind (`values.ts`). Missing values are absent keys, so a
 * template that uses one without `{{#if}}` fails in strict mode instead of printing nothing.
 */
export interface ViewModel {
  lang: string;
  id: string;
  updated: DateView;
  org: OrgForms & {
    name: string;
    /** `provider` or `administration`; `is.provider` / `is.administration` for `{{#if}}`. */
    kind: string;
    about?: string;
    city?: string;
    website?: string;
    contact?: { name?: string; email?: string; phone?: string };
  };
  status: string;
  phase: string;
  is: Record<string, boolean>;
  incident: {
    detected: DateView;
    crisisTeam?: DateView;
    findingsExpected?: DateView;
    measures: Record<string, boolean>;
    hasMeasures: boolean;
    affected: string[];
    confirmed?: DateView;
    /** `listText`: the text with its later lines indented, to continue a "- " list item. */
    customMeasures: { title: string; text: string; listText: string }[];
  };
  /** The update log, newest first; `latestUpdate` is its first entry, `previousUpdate` the second. */
  updates: UpdateView[];
  latestUpdate?: UpdateView;
  previousUpdate?: UpdateView;
  services: ServiceView[];
  hasServices: boolean;
  /** The services that are no longer down (limited or restored): what changed, for the press. */
  servicesChanged: ServiceView[];
  /** A hotline or alternatives exist: the "how can I reach you?" block has something to say. */
  hasContacts: boolean;
  contacts?: {
    /** `href` is the number as a `tel:` link. */
    hotline?: { phone: string; href: string; hours?: string };
    emailUnreachableSince?: DateView;
    alternatives?: string;
  };
  options: { cancelAppointments: boolean };
  questions: { question: string; answer: string }[];
  press: { headline?: string };
  email: {
    subject?: string;
    salutation?: string;
    signature?: string;
    from?: { name?: string; email: string };
  };
  recipient?: { name: string; email?: string; salutation?: string; answer?: string };
  /** The notice to the people affected (GDPR Art. 34): only when the file has `data_protection`. */
  dataProtection?: DataProtectionView;
  /** The final report: only for a resolved incident. */
  report?: ReportView;
  /** In German: the page in Leichte Sprache's dates in full, names and own texts (`leicht.ts`). */
  leicht?: LeichtView;
  /** The customer of a kit's notice, or of a customer's e-mail (`customer.ts`). */
  customer?: CustomerView;
}

/**
 * Builds the template data for one language (and one recipient, for mail merge); for a variant,
 * the texts it omits may be missing in `lang`.
 */
export function buildViewModel(
  incident: Incident,
  lang: string,
  recipient?: Recipient,
  variant?: Variant,
  customer: Customer | undefined = recipient?.customer,
): ViewModel {
  const shown = showIncident(incident, lang, variant);
  const { organization: org, incident: inc, email } = shown;
  const updates = newestFirst(incident, shown);
  const services = shown.services.map(showService);
  const contacts = showContacts(incident, shown);
  return withoutUndefined({
    lang,
    id: incident.id,
    updated: shown.updated,
    org: withoutUndefined({
      ...orgForms(lang, org.name, org.grammar),
      name: org.name,
      kind: org.kind,
      about: org.about,
      city: org.city,
      website: org.website,
      contact: org.contact,
    }),
    status: inc.status,
    phase: inc.phase,
    is: flagsOf(incident),
    incident: withoutUndefined({
      detected: inc.detected,
      crisisTeam: inc.crisis_team,
      findingsExpected: inc.findings_expected,
      measures: Object.fromEntries(inc.measures.map((m) => [m, true])),
      hasMeasures: inc.measures.length > 0 || inc.custom_measures.length > 0,
      affected: inc.affected,
      confirmed: inc.confirmed,
      // A variant that omits them (the feeds) may lack the language: their texts are left out.
      customMeasures: inc.custom_measures.map((m) =>
        withoutUndefined({
          ...m,
          listText: (m.text as string | undefined)?.trimEnd().replace(/\n(?=.)/g, '\n  '),
        }),
      ) as ViewModel['incident']['customMeasures'],
    }),
    updates,
    latestUpdate: updates[0],
    previousUpdate: updates[1],
    services,
    hasServices: services.length > 0,
    servicesChanged: services.filter((s) => !s.is.down),
    hasContacts: Boolean(shown.contacts?.hotline || shown.contacts?.alternatives),
    contacts,
    options: { cancelAppointments: shown.options.cancel_appointments },
    questions: questionsNow(incident, shown),
    press: shown.press,
    email: withoutUndefined({
      subject: email.subject,
      salutation: email.salutation,
      signature: email.signature,
      from: email.from,
    }),
    recipient: recipient && showRecipientNow(recipient, lang, incident, inc),
    dataProtection: showDataProtection(shown),
    report: showReport(incident, shown),
    leicht: lang === 'de' ? buildLeichtView(incident, shown, contacts?.hotline) : undefined,
    customer: customer && showCustomer(customer, lang, incident, shown),
  });
}

// Like the shown incident, one list per incident and language: every view of a mail merge shares it.
const shownQuestions = new WeakMap<object, ViewModel['questions']>();

/** The questions of the incident's current moment: those whose `when` allows its status and phase. */
function questionsNow(
  incident: Incident,
  shown: ReturnType<typeof showIncident>,
): ViewModel['questions'] {
  let questions = shownQuestions.get(shown);
  if (!questions) {
    questions = shown.questions
      .filter((_, i) => isShownIn(incident.questions[i]!.when, shown.incident))
      .map(({ question, answer }) => ({ question, answer }));
    shownQuestions.set(shown, questions);
  }
  return questions;
}

/**
 * A recipient as templates see them. Its `when` and `as_of` belong to its answer, the text of a
 * moment: out of its moment the answer is left out, and the e-mail is still written.
 */
function showRecipientNow(
  recipient: Recipient,
  lang: string,
  incident: Incident,
  state: IncidentState,
): ViewModel['recipient'] {
  const { name, email, salutation, answer } = showRecipient(recipient, lang, incident.lang);
  return withoutUndefined({
    name,
    email,
    salutation,
    answer: isShownIn(recipient.when, state) ? answer : undefined,
  });
}

/**
 * `is.<status>`, `is.<phase>`, `is.<organization kind>` and `is.confirmed`: the status is
 * established (attack or malfunction) or `incident.confirmed` is set — a finding exists, so no
 * text promises "first findings" any more.
 */
function flagsOf(incident: Incident): Record<string, boolean> {
  const { status, phase, confirmed } = incident.incident;
  return {
    [status]: true,
    [phase]: true,
    [incident.organization.kind]: true,
    confirmed: status !== 'unknown' || confirmed !== undefined,
  };
}

/** The update log, newest first, in the order that settled the status (`status.ts`). */
function newestFirst(incident: Incident, shown: ReturnType<typeof showIncident>): UpdateView[] {
  return orderNewestFirst(incident.updates).map((i) => {
    const u = shown.updates[i]!;
    // A block scalar ends in a line break; the templates place the text as a block of its own.
    const is = Object.fromEntries([u.status, u.phase].filter(Boolean).map((k) => [k, true]));
    // A variant that omits `updates` (status.json) may lack the language: the text is left out.
    const text = (u.text as string | undefined)?.trimEnd();
    return withoutUndefined({ ...u, text, is }) as UpdateView;
  });
}

function showService(s: Shown<Incident>['services'][number]): ServiceView {
  return withoutUndefined({
    ...s,
    is: { [s.state]: true },
    noteCell: s.note === undefined ? undefined : toTableCell(s.note),
  });
}

function showContacts(incident: Incident, shown: Shown<Incident>): ViewModel['contacts'] {
  const contacts = shown.contacts;
  if (!contacts) return undefined;
  const phone = incident.contacts?.hotline?.phone;
  return withoutUndefined({
    hotline:
      contacts.hotline && phone !== undefined
        ? withoutUndefined({ ...contacts.hotline, href: toTelHref(phone) })
        : undefined,
    emailUnreachableSince: contacts.email_unreachable_since,
    alternatives: contacts.alternatives?.trimEnd(),
  });
}
