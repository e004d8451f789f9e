// The incident file of the send tests: four recipients with addresses (one with cc and bcc) and
// one without, approved; `draft` leaves the approval out, `updated` makes another version.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RECIPIENTS = [
  'it@dueren.example',
  'edv@staedteregion.example',
  'info@eschweiler.example',
  'rathaus@stolberg.example',
];
export const CC = ['chef@dueren.example'];
export const BCC = ['archiv@regioit.example'];

export function incidentYaml({ updated = '2026-11-26T15:00', draft = false, extra = '' } = {}) {
  return `id: send-test
updated: ${updated}
organization:
  name: regio iT
  city: Aachen
  contact: { name: Pressestelle, email: presse@regioit.example }
incident:
  status: unknown
  phase: investigating
  detected: 2026-11-24
  findings_expected: 2026-11-28
email:
  from: { name: Kundenservice regio iT, email: kundenservice@regioit.example }
  reply_to: { name: Hotline, email: hotline@regioit.example }
  recipients:
    - name: Stadt Düren
      email: ${RECIPIENTS[0]}
      cc: [${CC.join(', ')}]
      bcc: [${BCC.join(', ')}]
    - name: Städteregion Aachen
      email: ${RECIPIENTS[1]}
    - name: Stadt Eschweiler
      email: ${RECIPIENTS[2]}
    - name: Stadt Stolberg
      email: ${RECIPIENTS[3]}
    - name: Stadtwerke ohne Adresse
${draft ? '' : `approval: { by: Pressestelle, at: ${updated} }\n`}${extra}`;
}

/** Writes the incident file into `dir` and returns its path. */
export function writeIncident(dir, options) {
  const file = join(dir, 'incident.yaml');
  writeFileSync(file, incidentYaml(options));
  return file;
}
