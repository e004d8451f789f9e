import { toRfc3339String } from '../incident/dates.js';
import type { Localized } from '../incident/schema.js';
import { withoutUndefined } from '../shared.js';
import { pickText } from '../view/values.js';
import { publishedUrl } from './feed-model.js';
import { renderText } from './markdown.js';
import type { Status } from './status-schema.js';
import type { RenderedDocument } from './types.js';

/** The services and their states: `services`, else `incident.affected` (all down). */
function servicesOf(doc: RenderedDocument): Status['services'] {
  const { incident, lang } = doc;
  const name = (value: unknown): string => pickText(value as Localized, lang, incident.lang);
  if (incident.services.length > 0)
    return incident.services.map((s) =>
      withoutUndefined({
        name: name(s.name),
        state: s.state,
        since: s.since ? toRfc3339String(s.since) : undefined,
      }),
    );
  return incident.incident.affected.map((a) => ({ name: name(a), state: 'down' as const }));
}

/** The state as status.json writes it (see status-schema.ts). */
export function buildStatus(doc: RenderedDocument): Status {
  const { incident, lang } = doc;
  const { organization: org, contacts } = incident;
  const hotline = contacts?.hotline;
  return withoutUndefined({
    version: 1 as const,
    id: incident.id,
    lang,
    organization: withoutUndefined({ name: org.name, website: org.website }),
    status: incident.incident.status,
    phase: incident.incident.phase,
    updated: toRfc3339String(incident.updated),
    draft: doc.draft !== undefined,
    summary: renderText(doc.tokens).trim(),
    services: servicesOf(doc),
    hotline: hotline
      ? withoutUndefined({
          phone: hotline.phone,
          hours: hotline.hours
            ? pickText(hotline.hours as Localized, lang, incident.lang)
            : undefined,
        })
      : undefined,
    links: (doc.siblings ?? []).map((a) =>
      withoutUndefined({
        path: a.path,
        url: publishedUrl(incident, a.path),
        variant: a.variant,
        lang: a.lang,
        format: a.format,
        media_type: a.mediaType,
      }),
    ),
  });
}

/** `status.json`: the incident's current state, machine-readable, one file per incident. */
export function render(doc: RenderedDocument): string {
  return `${JSON.stringify(buildStatus(doc), null, 2)}\n`;
}
