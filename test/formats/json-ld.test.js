// JSON-LD of an incident with an update log (issue 12): the SpecialAnnouncement is posted at the
// newest update and modified at the "Stand"; the FAQPage stays valid.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { test } from 'node:test';
import { renderFiles } from '../../lib/api.js';
import { EXAMPLE, tempDir } from '../helpers.js';

const UPDATES = `
updates:
  - { at: 2026-11-25T18:00, text: Die Untersuchung hat begonnen. }
  - { at: 2026-11-26T10:00, text: Weitere Dienste sind ausgefallen. }
  - { at: 2026-11-24T20:00, text: Wir haben Auffälligkeiten bemerkt. }
`;

/** The JSON-LD blocks of the FAQ page rendered from `text`. */
async function jsonLdOf(t, text) {
  const file = join(tempDir(t), 'incident.yaml');
  writeFileSync(file, text);
  const { artifacts } = await renderFiles({
    files: [file],
    variants: ['faq'],
    formats: ['html'],
    dryRun: true,
  });
  const html = new TextDecoder().decode(artifacts[0].content);
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)];
  return blocks.map((m) => JSON.parse(m[1]));
}

test('SpecialAnnouncement: datePosted is the newest update, dateModified the "Stand"', async (t) => {
  const example = readFileSync(EXAMPLE, 'utf8');
  const [faq, announcement] = await jsonLdOf(t, `${example}${UPDATES}`);
  assert.equal(announcement['@type'], 'SpecialAnnouncement');
  assert.equal(announcement.datePosted, '2026-11-26T10:00+01:00');
  assert.equal(announcement.dateModified, '2026-11-26T15:00+01:00');
  // The FAQPage keeps what search engines require: questions with an answer text each.
  assert.equal(faq['@type'], 'FAQPage');
  assert.equal(faq.dateModified, '2026-11-26T15:00+01:00');
  assert.ok(faq.mainEntity.length > 3);
  for (const q of faq.mainEntity) {
    assert.equal(q['@type'], 'Question');
    assert.ok(q.name && q.acceptedAnswer['@type'] === 'Answer' && q.acceptedAnswer.text, q.name);
  }
  // Without updates, the announcement is posted at the "Stand", as before.
  const [, plain] = await jsonLdOf(t, example);
  assert.equal(plain.datePosted, '2026-11-26T15:00+01:00');
});
