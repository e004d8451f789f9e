// The large mail merge of the benchmark: one incident file with `count` recipients (a district
// writing to every customer), each with an address, every fifth an own salutation and every tenth
// an own answer. 10,000 recipients stay under the 1 MiB limit for incident files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeOnce } from './measure.mjs';

function recipient(n) {
  const no = String(n).padStart(5, '0');
  const lines = [`  - name: Gemeinde ${no}`, `    email: it@g${no}.example`];
  if (n % 5 === 0) lines.push(`    salutation: Sehr geehrte Frau Nr. ${no},`);
  if (n % 10 === 0) lines.push(`    answer: Ihr Verfahren **${no}** ist nicht betroffen.`);
  return lines.join('\n');
}

/** Writes `<dir>/mail-merge-<count>.yaml` and returns its path. */
export function generateMailMerge(dir, count) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `mail-merge-${count}.yaml`);
  const head = `id: mail-merge-${count}
updated: 2026-11-26T15:00
organization:
  name: regio iT
  city: Aachen
  contact:
    name: Pressestelle
    email: presse@regioit.example
incident:
  status: unknown
  phase: investigating
  detected: 2026-11-24
  findings_expected: 2026-11-28
email:
  from: { name: Kundenservice regio iT, email: kundenservice@regioit.example }
  recipients:
`;
  const body = Array.from({ length: count }, (_, i) => recipient(i + 1)).join('\n');
  writeFileSync(file, `${head}${body}\n`);
  return file;
}

/**
 * Renders the mail merge of `recipients` recipients (every variant and format) `rounds` times
 * into a fresh folder each time (on the RAM disk when there is one); returns the wall times.
 */
export function measureMailMerge({ faq, work, recipients, rounds, env, ram }) {
  const file = generateMailMerge(join(work, 'mail-merge'), recipients);
  const out = join(ram ?? work, `mail-merge-out-${process.pid}`);
  const runs = [];
  try {
    for (let round = 0; round < rounds; round++) {
      rmSync(out, { recursive: true, force: true });
      runs.push(timeOnce([...faq, 'render', file, '-o', out, '-q'], { env }));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return runs;
}
