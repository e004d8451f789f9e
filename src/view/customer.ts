import type { Customer, Incident } from '../incident/incident.js';
import { atProvider, orgForms, pastOfIs, type OrgForms } from '../lang/grammar.js';
import { withoutUndefined } from '../shared.js';
import { toTelHref, type ServiceView, type Shown, type showIncident } from './values.js';

/** One of the customer's services: the incident's service with the customer's own note. */
export interface CustomerServiceView extends ServiceView {
  /** The note (the customer's, else the service's) on one line's continuation: a list item's text. */
  listNote?: string;
}

/**
 * A customer as templates see it (`{{customer.Nom}} {{customer.is}} …`): its name in the four
 * cases and the words that agree with it, and its services split by state. Every text escaped.
 */
export type CustomerView = OrgForms & {
  name: string;
  /** "war" / "waren"; "was" / "were". */
  was: string;
  /** "bei ihrem IT-Dienstleister", "bei seinem …", "beim …" (a name without article); "at its …". */
  atProvider: string;
  website?: string;
  contact?: { phone: string; href: string; hours?: string };
  services: CustomerServiceView[];
  /** Down or limited. */
  affected: CustomerServiceView[];
  restored: CustomerServiceView[];
  /** It uses none of the services: its e-mail says so, and it has no notice. */
  isUnaffected: boolean;
  /** Every service it uses works again: its notice says so. */
  allRestored: boolean;
};

type ShownIncident = ReturnType<typeof showIncident>;

/** The customer in `lang`, from the incident's shown (escaped) values. */
export function showCustomer(
  customer: Customer,
  lang: string,
  incident: Incident,
  shown: ShownIncident,
): CustomerView {
  const own = shown.customers[customer.index]!;
  const gender = customer.grammar.gender;
  const services = customer.services.map((s, j) =>
    showService(shown.services[s.service]!, own.services[j]?.note),
  );
  const affected = services.filter((s) => !s.is.restored);
  const restored = services.filter((s) => s.is.restored);
  return withoutUndefined({
    ...orgForms(lang, own.name, own.grammar),
    name: own.name,
    was: pastOfIs(lang, gender),
    atProvider: atProvider(lang, gender),
    website: own.website,
    contact:
      own.contact && withoutUndefined({ ...own.contact, href: toTelHref(customer.contact!.phone) }),
    services,
    affected,
    restored,
    isUnaffected: services.length === 0,
    allRestored: services.length > 0 && affected.length === 0,
  });
}

function showService(
  service: Shown<Incident>['services'][number],
  customerNote: string | undefined,
): CustomerServiceView {
  const note = customerNote ?? service.note;
  return withoutUndefined({
    name: service.name,
    state: service.state,
    is: { [service.state]: true },
    since: service.since,
    note,
    listNote: note?.trim().replace(/\n(?=.)/g, '\n  '),
  });
}
