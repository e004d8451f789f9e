// The customers' kits of the benchmark (issue 16): one provider's incident file with `count`
// customers of every kind (city, county, plural utilities, a name without article), each using
// three of ten services, with a note, a hotline and an own salutation on some. Every customer gets
// a notice (html, md, txt), its short notices (sms, social, banner, phone) and an e-mail with the
// notice attached; measured as CPU time per customer, since one incident renders on one core.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureOnce } from './mail-merge.mjs';

const SERVICES = Array.from({ length: 10 }, (_, i) => `Fachverfahren ${i + 1}`);
const STATES = ['down', 'limited', 'restored'];

function customer(n) {
  const no = String(n).padStart(3, '0');
  const kind = n % 4;
  const [name, grammar] = [
    [`Stadt Beispiel ${no}`, ''],
    [
      `Kreis Beispiel ${no}`,
      `    grammar: { gender: masculine, genitive: Kreises Beispiel ${no} }`,
    ],
    [`Stadtwerke Beispiel ${no}`, '    grammar: { gender: plural }'],
    [`Beispielheim ${no}`, '    grammar: { gender: none }'],
  ][kind];
  const lines = [`  - name: ${name}`, grammar, `    email: it@k${no}.example`];
  if (n % 5 === 0) lines.push(`    salutation: Sehr geehrte Frau Nr. ${no},`);
  if (n % 2 === 0) lines.push(`    contact: { phone: '+49 241 ${no}-0', hours: Mo–Fr 8–16 Uhr }`);
  lines.push('    services:');
  for (let s = 0; s < 3; s++) lines.push(`      - ${SERVICES[(n + s * 3) % SERVICES.length]}`);
  lines.push(
    `      - { name: ${SERVICES[(n + 1) % SERVICES.length]}, note: Nur in Filiale ${no}. }`,
  );
  return lines.filter(Boolean).join('\n');
}

/** Writes `<dir>/customers-<count>.yaml` and returns its path. */
export function generateCustomers(dir, count) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `customers-${count}.yaml`);
  const services = SERVICES.map((s, i) => `  - { name: ${s}, state: ${STATES[i % 3]} }`);
  const head = `id: customers-${count}
updated: 2026-11-26T15:00
organization:
  name: regio iT
  website: https://www.regioit.example
  contact: { name: Pressestelle, email: presse@regioit.example }
incident:
  status: unknown
  detected: 2026-11-24
  findings_expected: 2026-11-28
services:
${services.join('\n')}
customers:
`;
  const body = Array.from({ length: count }, (_, i) => customer(i + 1)).join('\n');
  writeFileSync(file, `${head}${body}\n`);
  return file;
}

/** Renders the kits of `count` customers `rounds` times: wall and CPU per run (GNU time). */
export function measureCustomers({ faq, work, count, rounds, env, ram }) {
  const file = generateCustomers(join(work, 'customers'), count);
  const out = join(ram ?? work, `customers-out-${process.pid}`);
  const runs = [];
  try {
    for (let round = 0; round < rounds; round++) {
      rmSync(out, { recursive: true, force: true });
      runs.push(measureOnce([...faq, 'render', file, '-o', out, '-q'], env));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return runs;
}
