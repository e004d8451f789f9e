import type { Incident } from '../incident/incident.js';
import { withoutUndefined } from '../shared.js';
import { toTelHref, type DateView, type Shown } from './values.js';

/**
 * The notice to the people affected (GDPR Art. 34) as templates see it: `is.suspected` /
 * `is.confirmed`, the categories, the texts (Markdown, ready to place), the DPO's contact.
 * Validation made sure the required items exist; a view never invents one.
 */
export interface DataProtectionView {
  breach: string;
  is: Record<string, boolean>;
  categories: string[];
  consequences?: string;
  measures?: string;
  advice?: string;
  dpo?: { name?: string; email?: string; phone?: string; phoneHref?: string; address?: string };
  authority?: { name: string; notified?: DateView };
  reference?: string;
}

/** The `data_protection` of the shown incident (one language), or undefined when the file has none. */
export function showDataProtection(shown: Shown<Incident>): DataProtectionView | undefined {
  const data = shown.data_protection;
  if (!data) return undefined;
  const trim = (text: string | undefined) => text?.trimEnd();
  return withoutUndefined({
    breach: data.breach,
    is: { [data.breach]: true },
    categories: data.categories,
    consequences: trim(data.consequences),
    measures: trim(data.measures),
    advice: trim(data.advice),
    dpo:
      data.dpo &&
      withoutUndefined({
        ...data.dpo,
        phoneHref: data.dpo.phone === undefined ? undefined : toTelHref(data.dpo.phone),
      }),
    authority: data.authority && withoutUndefined({ ...data.authority }),
    reference: data.reference,
  });
}
