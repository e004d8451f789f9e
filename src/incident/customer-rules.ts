import type { Report } from './date-rules.js';
import { checkNameGrammar } from './grammar-rules.js';
import type { Customer, CustomerService, Recipient, WithDates } from './incident.js';
import type { IncidentFile, Localized } from './schema.js';
import { slugify } from './slug.js';
import { suggestion } from './suggest.js';

type Parsed = WithDates<IncidentFile>;

/**
 * The customers of the file, checked: each service is one of the top-level `services` (an
 * unknown name is an error at its line, with the closest name), listed once; each customer has
 * its own folder name; a customer without services is a warning (its e-mail says so, and it gets
 * no notice). `email.recipients` beside `customers` is an error: a customer is a recipient.
 * `raw` is the file as read, for what the defaults hide (a gender written or not).
 */
export function settleCustomers(
  parsed: Parsed,
  raw: unknown,
  report: Report,
  options: { german: boolean },
): Customer[] {
  if (parsed.customers.length === 0) return [];
  if (parsed.email.recipients.length > 0)
    report(
      ['email', 'recipients'],
      'the file has both email.recipients and customers: a customer is a recipient of the e-mail',
      'move each recipient into customers (name, email, salutation, answer, cc and bcc keep their names; when and as_of have no place there) and delete email.recipients',
      { key: true },
    );
  const names = serviceNames(parsed.services);
  const customers = parsed.customers.map((customer, index) => ({
    ...customer,
    index,
    slug: slugify(customer.name) || `customer-${index + 1}`,
    services: findServices(customer.services, index, names, report),
  }));
  checkSlugs(customers, report);
  customers.forEach((customer, index) => {
    if (options.german)
      checkNameGrammar(['customers', index], customer, declaresGender(raw, index), report);
    if (customer.services.length === 0)
      report(
        ['customers', index, 'name'],
        `customer ${customer.name} uses none of the affected services: its e-mail says so, and it gets no notice`,
        `list its services under customers[${index}].services, names of the top-level services`,
        { severity: 'warning' },
      );
  });
  return customers;
}

/** One recipient of the mail merge per customer: the customer's e-mail carries its kit. */
export function toRecipients(customers: readonly Customer[]): Recipient[] {
  return customers.map((customer) => ({
    name: customer.name,
    ...(customer.email ? { email: customer.email } : {}),
    ...(customer.salutation ? { salutation: customer.salutation } : {}),
    ...(customer.answer ? { answer: customer.answer } : {}),
    ...(customer.cc ? { cc: customer.cc } : {}),
    ...(customer.bcc ? { bcc: customer.bcc } : {}),
    slug: customer.slug,
    customer,
  }));
}

/** Each service's names (one per language), with its index in `services`. */
function serviceNames(services: Parsed['services']): Map<string, number> {
  const names = new Map<string, number>();
  services.forEach((service, i) => {
    for (const name of namesOf(service.name as Localized)) if (!names.has(name)) names.set(name, i);
  });
  return names;
}

function namesOf(name: Localized): string[] {
  return typeof name === 'string' ? [name] : Object.values(name).filter((n) => n !== undefined);
}

function findServices(
  listed: Parsed['customers'][number]['services'],
  index: number,
  names: ReadonlyMap<string, number>,
  report: Report,
): CustomerService[] {
  const found: CustomerService[] = [];
  const seen = new Set<number>();
  listed.forEach((entry, j) => {
    // A name written alone is reported at itself (validate.ts: asWritten).
    const at = ['customers', index, 'services', j, 'name'];
    const service = names.get(entry.name);
    if (service === undefined) {
      const known = [...names.keys()];
      report(
        at,
        `"${entry.name}" is not one of the services`,
        known.length === 0
          ? 'list the service under the top-level services (name and state) first'
          : suggestion(entry.name, known),
      );
    } else if (seen.has(service)) {
      report(at, `"${entry.name}" is listed twice for this customer`, 'list each service once');
    } else {
      seen.add(service);
      found.push({ ...entry, service });
    }
  });
  return found;
}

function checkSlugs(customers: readonly Customer[], report: Report): void {
  const seen = new Map<string, number>();
  customers.forEach((c, n) => {
    const first = seen.get(c.slug);
    if (first === undefined) return void seen.set(c.slug, n);
    report(
      ['customers', n, 'name'],
      `customer "${c.name}" has the same folder name (${c.slug}) as customer ${first + 1}`,
      'give each customer a distinct name',
    );
  });
}

/** The customer as written in the file, if it is a mapping. */
function rawCustomer(raw: unknown, index: number): Record<string, unknown> | undefined {
  const list = (raw as { customers?: unknown } | null)?.customers;
  const item = Array.isArray(list) ? (list[index] as unknown) : undefined;
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
}

function declaresGender(raw: unknown, index: number): boolean {
  const grammar = rawCustomer(raw, index)?.grammar;
  return typeof grammar === 'object' && grammar !== null && 'gender' in grammar;
}
