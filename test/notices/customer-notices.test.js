// A customer's short notices (issue 16): each customer kit has the organisation's short notices
// (sms, social, banner, phone) in the customer's voice — its name in correct German, its own
// services, hotline and website, the provider as the source — with the same limits: built-in
// wording made too long by a customer's data fails at the customer's field. In process.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDecoder } from 'node:util';
import { renderFiles } from '../../lib/index.js';
import { fixture, runInProcess, tempDir } from '../helpers.js';

const KINDS = ['sms', 'social', 'banner', 'phone'];

/** Three customers of three genders; `{{status}}`, `{{phase}}`, `{{state}}` are filled per case. */
const BASE = `lang: de
updated: 2026-11-26T15:00
approval: { by: Pressestelle, at: 2026-11-26T15:00 }
organization:
  name: regio iT
  website: https://www.regioit.de
incident:
  status: STATUS
  phase: PHASE
  detected: 2026-11-24
  findings_expected: 2026-11-28
services:
  - { name: { de: Kfz-Zulassung, en: Vehicle registration }, state: STATE }
  - { name: { de: Bürgerbüro, en: Citizens' office }, state: restored }
customers:
  - name: Stadt Aachen
    website: https://www.aachen.example
    contact: { phone: '+49 241 432-0', hours: { de: Mo–Fr 8–16 Uhr, en: Mon–Fri 8 am–4 pm } }
    services: [Kfz-Zulassung, Bürgerbüro]
  - name: Kreis Düren
    grammar: { gender: masculine, genitive: Kreises Düren }
    contact: { phone: '+49 2421 22-0' }
    services: [Kfz-Zulassung]
  - name: Stadtwerke Eschweiler
    grammar: { gender: plural }
    website: https://www.stadtwerke-eschweiler.example
    services: [Kfz-Zulassung]
`;

function writeIncident(t, yaml, name = 'kunden') {
  const file = join(tempDir(t), `${name}.yaml`);
  writeFileSync(file, yaml);
  return file;
}

const lineOf = (yaml, needle) => yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The kits' short notices: `<slug>/<file>` → { text, notice }. */
async function kitNotices(file, langs = ['de', 'en']) {
  const { artifacts } = await renderFiles({ files: [file], variants: KINDS, langs, dryRun: true });
  return Object.fromEntries(
    artifacts
      .filter((a) => a.customer)
      .map((a) => [
        `${a.customer}/${a.path.split('/').pop()}`,
        { text: new TextDecoder().decode(a.content), notice: a.notice },
      ]),
  );
}

const STATE = {
  unknown: /IT-Störung|IT disruption/i,
  attack: /Cyberangriff|cyber attack/i,
  malfunction: /Fehlfunktion|malfunction/i,
};
const CONTACT = {
  'stadt-aachen': /aachen\.example|\+49 241 432-0|2 4 1, 4 3 2, 0/,
  'kreis-dueren': /\+49 2421 22-0|2 4 2 1, 2 2, 0/,
  'stadtwerke-eschweiler':
    /https:\/\/www\.stadtwerke-eschweiler\.example|stadtwerke-eschweiler\.example/,
};
const NAMES = {
  'stadt-aachen': 'Stadt Aachen',
  'kreis-dueren': 'Kreis Düren',
  'stadtwerke-eschweiler': 'Stadtwerke Eschweiler',
};

test('every status × phase: each customer notice names the customer, the state and its own hotline or website, and fits', async (t) => {
  for (const status of ['unknown', 'attack', 'malfunction'])
    for (const phase of ['investigating', 'recovering', 'resolved']) {
      const state = phase === 'resolved' ? 'restored' : phase === 'recovering' ? 'limited' : 'down';
      const yaml = BASE.replace('STATUS', status).replace('PHASE', phase).replace('STATE', state);
      const notices = await kitNotices(writeIncident(t, yaml, `${status}-${phase}`));
      // Three customers × four kinds (+ the banner's HTML) × two languages.
      assert.equal(Object.keys(notices).length, 3 * 5 * 2, `${status}-${phase}`);
      for (const [path, { text, notice }] of Object.entries(notices)) {
        const where = `${status}-${phase}: ${path}`;
        const slug = path.split('/')[0];
        assert.ok(
          notice.counts.every((c) => c.fits),
          where,
        );
        assert.ok(text.includes(NAMES[slug]), `${where}: the customer's name\n${text}`);
        assert.match(text, STATE[status], where);
        assert.match(text, CONTACT[slug], `${where}: its own hotline or website\n${text}`);
        assert.doesNotMatch(text, /\{\{|\}\}|DATUM|OPTION:|undefined|NaN|\[object/, where);
        if (phase === 'resolved' && path.endsWith('social.de.txt'))
          assert.match(text, /war(en)? von|funktionieren wieder|wieder verfügbar/i, where);
      }
    }
});

test("the customer's name is grammatical for its gender: feminine, masculine, plural, without article", async () => {
  const notices = await kitNotices(fixture('customers-regional', 'incident.yaml'));
  const social = (slug, lang = 'de') => notices[`${slug}/social.${lang}.txt`].text;
  const phone = (slug) => notices[`${slug}/phone.de.txt`].text;
  assert.match(
    social('stadt-aachen'),
    /^Die Stadt Aachen ist von einer IT-Störung bei ihrem IT-Dienstleister regio iT betroffen\. Nicht verfügbar: Kfz-Zulassung\. Eingeschränkt: Bürgerbüro\./,
  );
  assert.match(
    social('kreis-dueren'),
    /^Der Kreis Düren ist von einer IT-Störung bei seinem IT-Dienstleister regio iT betroffen\./,
  );
  assert.match(
    social('stadtwerke-eschweiler'),
    /^Die Stadtwerke Eschweiler sind von einer IT-Störung bei ihrem IT-Dienstleister regio iT betroffen\. Nicht verfügbar: Abrechnung Wasser\./,
  );
  assert.match(
    social('monschau'),
    /^Monschau ist von einer IT-Störung beim IT-Dienstleister regio iT betroffen\./,
  );
  assert.match(
    social('stadtwerke-eschweiler', 'en'),
    /^Stadtwerke Eschweiler are affected by an IT disruption at their IT service provider regio iT\./,
  );
  assert.match(
    phone('stadt-aachen'),
    /^Sie hören eine Ansage der Stadt Aachen\. Die Stadt Aachen ist/,
  );
  assert.match(
    phone('kreis-dueren'),
    /^Sie hören eine Ansage des Kreises Düren\. Der Kreis Düren ist/,
  );
  assert.match(
    phone('stadtwerke-eschweiler'),
    /^Sie hören eine Ansage der Stadtwerke Eschweiler\./,
  );
  assert.match(phone('monschau'), /^Sie hören eine Ansage von Monschau\./);
  // Only its own services, its own hotline; the provider is the source, not the contact.
  assert.doesNotMatch(social('kreis-dueren'), /Bürgerbüro|Abrechnung/);
  assert.match(social('stadt-aachen'), /Hotline: \+49 241 432-0 \(Mo–Fr 8–16 Uhr\)/);
  assert.match(notices['stadt-aachen/banner.de.txt'].text, /Quelle: https:\/\/www\.regioit\.de$/);
  assert.match(
    phone('stadt-aachen'),
    /Unsere Hotline erreichen Sie unter 0 2 4 1, 4 3 2, 0, Montag bis Freitag 8 bis 16 Uhr\./,
  );
  // The customer that uses none of the services has no kit, so no short notices either.
  assert.ok(!Object.keys(notices).some((p) => p.startsWith('gemeinde-roetgen/')));
});

test('a customer whose services all work again says so, while the incident is still open', async () => {
  const notices = await kitNotices(fixture('customers-regional', 'incident.yaml'));
  const slug = 'schulamt-fuer-die-staedteregion-aachen';
  assert.match(
    notices[`${slug}/social.de.txt`].text,
    /^Das Schulamt für die StädteRegion Aachen war von einer IT-Störung bei seinem IT-Dienstleister regio iT betroffen\. Wieder verfügbar: Schulportal\. Quelle: https:\/\/www\.regioit\.de Stand: 26\.11\., 15:00 Uhr$/,
  );
  assert.match(
    notices[`${slug}/sms.de.txt`].text,
    /^Schulamt für die StädteRegion Aachen: Nach IT-Störung beim IT-Dienstleister regio iT Leistungen wieder verfügbar\.$/,
  );
  assert.match(
    notices[`${slug}/banner.en.txt`].text,
    /was affected by an IT disruption at its IT service provider regio iT\. The affected services work again\./,
  );
  assert.match(notices[`${slug}/phone.de.txt`].text, /Wieder verfügbar sind: Schulportal\./);
  for (const kind of ['sms', 'social', 'phone'])
    assert.doesNotMatch(notices[`${slug}/${kind}.de.txt`].text, /Nächste|nächsten|eingeschränkt/);
});

/** A customer whose built-in SMS is `length` GSM-7 characters in its shortest wording. */
function smsOfLength(length) {
  const rest = ': Cyberangriff beim IT-Dienstleister regio iT, Leistungen eingeschränkt.';
  const name = `Gemeinde ${'x'.repeat(length - rest.length - 9)}`;
  return `lang: de
updated: 2026-11-26T15:00
approval: { by: Pressestelle, at: 2026-11-26T15:00 }
organization: { name: regio iT }
incident: { status: attack, phase: investigating, detected: 2026-11-24, findings_expected: 2026-11-28 }
services:
  - { name: Kfz-Zulassung, state: down }
customers:
  - name: ${name}
    services: [Kfz-Zulassung]
`;
}

test("a customer's SMS exactly at 160 passes and --customer --stdout prints it; 161 fails at the customer's name with the hint", async (t) => {
  const ok = writeIncident(t, smsOfLength(160));
  const name = smsOfLength(160).match(/- name: (.*)/)[1];
  const one = await runInProcess([
    'render',
    ok,
    '--customer',
    name,
    '--variant',
    'sms',
    '--stdout',
  ]);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(
    one.stdout,
    `${name}: Cyberangriff beim IT-Dienstleister regio iT, Leistungen eingeschränkt.`,
  );
  assert.equal([...one.stdout].length, 160);
  const yaml = smsOfLength(161);
  const over = writeIncident(t, yaml);
  const bad = await runInProcess(['check', over]);
  assert.equal(bad.code, 1);
  assert.match(
    bad.stderr,
    new RegExp(
      `:${lineOf(yaml, '- name: Gemeinde')}:11: error: customers\\.0\\.name: Gemeinde x+: sms: 161 of 160 characters \\(GSM-7, 1 part; needs 2\\), even in the shortest built-in wording \\(de\\) \\(hint: a shorter name for notices in customers\\.0\\.short_name; more parts with notices\\.sms\\.segments: 2\\)`,
    ),
  );
  const render = await runInProcess(['render', over, '-o', join(tempDir(t), 'out')]);
  assert.equal(render.code, 1, 'nothing is cut: the render fails');
  // A short name fixes it: the short wording uses it; sentences keep the full name.
  const short = writeIncident(
    t,
    yaml.replace('    services:', '    short_name: Gemeinde X\n    services:'),
  );
  const notices = await kitNotices(short, ['de']);
  const kit = (file) => Object.entries(notices).find(([p]) => p.endsWith(file))[1].text;
  assert.equal(
    kit('/sms.de.txt'),
    'Gemeinde X: Cyberangriff beim IT-Dienstleister regio iT, Leistungen eingeschränkt.',
  );
  assert.match(
    kit('/phone.de.txt'),
    /^Sie hören eine Ansage der Gemeinde x+\. Die Gemeinde x+ ist/,
  );
});

test('a draft kit notice starts with "ENTWURF:"; with publish.base_url the source is the FAQ page', async (t) => {
  const yaml = BASE.replace('STATUS', 'attack')
    .replace('PHASE', 'investigating')
    .replace('STATE', 'down')
    .replace(/^approval:.*\n/m, '')
    .replace('incident:', 'publish: { base_url: https://status.regioit.example/ }\nincident:');
  const notices = await kitNotices(writeIncident(t, yaml), ['de']);
  for (const kind of KINDS)
    assert.match(notices[`kreis-dueren/${kind}.de.txt`].text, /^ENTWURF: /, kind);
  assert.match(
    notices['kreis-dueren/banner.de.html'].text,
    /^<div role="status" lang="de" [^>]*><strong>ENTWURF:<\/strong> Der Kreis Düren/,
  );
  assert.match(
    notices['kreis-dueren/banner.de.txt'].text,
    /Quelle: https:\/\/status\.regioit\.example\/kunden\/faq\.de\.html$/,
  );
});
