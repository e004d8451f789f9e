import type { Report } from './date-rules.js';
import type { WithDates } from './incident.js';
import type { IncidentFile } from './schema.js';

type Parsed = WithDates<IncidentFile>;
type DataProtection = NonNullable<Parsed['data_protection']>;

/**
 * What Art. 34(2) GDPR requires of a notice to the people affected, by reference to Art. 33(3)
 * (b)–(d), each with how to tell it is missing. The first item is the "nature of the breach"
 * that Art. 34(2) itself asks for: which data.
 */
const REQUIRED_ITEMS: { item: string; missing: (d: DataProtection) => boolean; hint: string }[] = [
  {
    item: 'Art. 34(2): the nature of the breach, which personal data (data_protection.categories), is missing',
    missing: (d) => d.categories.length === 0,
    hint: 'list the kinds of data, e.g. `categories: [Namen und Anschriften, Geburtsdaten]`',
  },
  {
    item: "Art. 33(3)(b): the DPO's contact (data_protection.dpo) is missing",
    missing: (d) => !d.dpo?.name || !(d.dpo.email || d.dpo.phone || d.dpo.address),
    hint: 'add `dpo: { name: …, email: … }` (a name and at least one of email, phone, address)',
  },
  {
    item: 'Art. 33(3)(c): the likely consequences (data_protection.consequences) are missing',
    missing: (d) => d.consequences === undefined,
    hint: 'say in plain words what may happen to the people affected',
  },
  {
    item: 'Art. 33(3)(d): the measures taken or proposed (data_protection.measures) are missing',
    missing: (d) => d.measures === undefined,
    hint: 'say what was done and what is planned, including to mitigate the effects',
  },
];

/**
 * The notice to the people affected must hold every item the GDPR requires, and a suspected
 * breach must say when the next information follows. (A `report` written before the incident is
 * resolved is simply not rendered yet: drafting it is no mistake, so there is no warning.)
 */
export function checkDataProtection(parsed: Parsed, report: Report): void {
  const data = parsed.data_protection;
  if (data) {
    for (const { item, missing, hint } of REQUIRED_ITEMS)
      if (missing(data)) report(['data_protection'], item, hint, { key: true });
    if (data.breach === 'suspected' && !parsed.incident.findings_expected)
      report(
        ['data_protection', 'breach'],
        'a suspected breach must say when the next information follows, but incident.findings_expected is not set',
        'set incident.findings_expected, or `breach: confirmed` once it is known',
      );
  }
}
