import type { Incident, Recipient } from '../incident/incident.js';
import { withoutUndefined } from '../shared.js';
import { orgForms, type OrgForms } from '../lang/grammar.js';
import { showIncident, showRecipient, type DateView } from './values.js';

export type { DateView } from './values.js';

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
}

/** Builds the template data for one language (and one recipient, for mail merge). */
export function buildViewModel(incident: Incident, lang: string, recipient?: Recipient): ViewModel {
  const shown = showIncident(incident, lang);
  const { organization: org, incident: inc, email } = shown;
  return withoutUndefined({
    lang,
    id: incident.id,
    updated: shown.updated,
    org: withoutUndefined({
      ...orgForms(lang, org.name, org.grammar.gender, org.grammar.genitive),
      name: org.name,
      about: org.about,
      city: org.city,
      website: org.website,
      contact: org.contact,
    }),
    status: inc.status,
    phase: inc.phase,
    is: { [inc.status]: true, [inc.phase]: true },
    incident: withoutUndefined({
      detected: inc.detected,
      crisisTeam: inc.crisis_team,
      findingsExpected: inc.findings_expected,
      measures: Object.fromEntries(inc.measures.map((m) => [m, true])),
      hasMeasures: inc.measures.length > 0,
      affected: inc.affected,
    }),
    options: { cancelAppointments: shown.options.cancel_appointments },
    questions: shown.questions,
    press: shown.press,
    email: withoutUndefined({
      subject: email.subject,
      salutation: email.salutation,
      signature: email.signature,
      from: email.from,
    }),
    recipient: recipient && showRecipient(recipient, lang, incident.lang),
  });
}
