// A kit for every customer (issue 16): each customer that uses an affected service gets a notice
// in its own voice (customers/<slug>/notice.<lang>.*), and its e-mail names its services and
// carries the notice as attachments. The fixture `customers-regional` has a city, a county, a
// school authority, plural municipal utilities, a name without article, one customer whose
// services all work again and one that uses none (its HTML is checked by test/browser/pages.js).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { checkIncident, renderFiles } from '../../lib/api.js';
import { buildManifest } from '../../lib/output/write.js';
import { TemplateEngine } from '../../lib/render/engine.js';
import { renderIncident } from '../../lib/render/render.js';
import { TemplateStore } from '../../lib/render/templates.js';
import { fixture, runInProcess, tempDir } from '../helpers.js';

const FILE = fixture('customers-regional', 'incident.yaml');
const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;

let files;
let artifacts;
before(async () => {
  ({ artifacts } = await renderFiles({ files: [FILE], langs: ['de', 'en'], dryRun: true }));
  files = new Map(
    artifacts.map((a) => [a.path.replace('customers-regional/', ''), Buffer.from(a.content)]),
  );
});
const text = (name) => {
  assert.ok(files.has(name), `${name} was rendered`);
  return files.get(name).toString('utf8');
};

/** Per customer (by slug): the first sentence of its German notice and what it must (not) name. */
const CUSTOMERS = {
  'stadt-aachen': {
    de: 'Die Stadt Aachen ist von einer IT-Störung bei ihrem IT-Dienstleister regio iT betroffen. Folgende Leistungen der Stadt Aachen sind derzeit nicht oder nur eingeschränkt verfügbar:',
    names: ['Kfz-Zulassung', 'Bürgerbüro'],
    notes: ['Bürgerbüro Nord: Kfz-Zulassung ab Montag wieder möglich.'],
    hotline:
      'Bei Fragen erreichen Sie die Stadt Aachen telefonisch unter +49 241 432-0 (Mo–Fr 8–16 Uhr).',
  },
  'kreis-dueren': {
    de: 'Der Kreis Düren ist von einer IT-Störung bei seinem IT-Dienstleister regio iT betroffen. Folgende Leistungen des Kreises Düren sind derzeit nicht oder nur eingeschränkt verfügbar:',
    names: ['Kfz-Zulassung', 'Schulportal'],
    hotline: 'Bei Fragen erreichen Sie den Kreis Düren telefonisch unter +49 2421 22-0.',
  },
  'schulamt-fuer-die-staedteregion-aachen': {
    de: 'Das Schulamt für die StädteRegion Aachen war von einer IT-Störung bei seinem IT-Dienstleister regio iT betroffen. Folgende Leistungen des Schulamts für die StädteRegion Aachen funktionieren wieder:',
    names: ['Schulportal'],
  },
  'stadtwerke-eschweiler': {
    de: 'Die Stadtwerke Eschweiler sind von einer IT-Störung bei ihrem IT-Dienstleister regio iT betroffen. Folgende Leistungen der Stadtwerke Eschweiler sind derzeit nicht oder nur eingeschränkt verfügbar:',
    names: ['Abrechnung Wasser'],
    notes: ['Abschläge werden wie gewohnt eingezogen.'],
    hotline:
      'Bei Fragen erreichen Sie die Stadtwerke Eschweiler telefonisch unter +49 2403 65-0 (rund um die Uhr).',
  },
  monschau: {
    de: 'Monschau ist von einer IT-Störung beim IT-Dienstleister regio iT betroffen. Folgende Leistungen von Monschau sind derzeit nicht oder nur eingeschränkt verfügbar:',
    names: ['Bürgerbüro', 'Abrechnung Wasser'],
    notes: ['Nur mit Termin.'],
  },
};
const SERVICES = ['Kfz-Zulassung', 'Bürgerbüro', 'Schulportal', 'Abrechnung Wasser'];
/** A kit's files in one language: the notice, and the short notices as the organisation's. */
const KIT = [
  ...['html', 'md', 'txt'].map((ext) => (lang) => `notice.${lang}.${ext}`),
  (lang) => `sms.${lang}.txt`,
  (lang) => `social.${lang}.txt`,
  (lang) => `banner.${lang}.html`,
  (lang) => `banner.${lang}.txt`,
  (lang) => `phone.${lang}.txt`,
];

test('one kit per customer that uses a service, in every language and format; none for the other', () => {
  const kits = [...files.keys()].filter((p) => p.startsWith('customers/')).sort();
  const expected = Object.keys(CUSTOMERS).flatMap((slug) =>
    ['de', 'en'].flatMap((lang) => KIT.map((file) => `customers/${slug}/${file(lang)}`)),
  );
  assert.deepEqual(kits, expected.sort());
  assert.ok(!kits.some((p) => p.includes('roetgen')));
  // The manifest lists each kit, and each notice's customer.
  const manifest = buildManifest('customers-regional', artifacts);
  assert.deepEqual(
    manifest.kits.map((k) => k.path),
    Object.keys(CUSTOMERS).map((slug) => `customers/${slug}/`),
  );
  const notice = manifest.artifacts.find((a) => a.path === 'customers/monschau/notice.de.txt');
  assert.equal(notice.customer, 'monschau');
});

test('each notice speaks for its customer, in German for its gender, and names only its services', () => {
  for (const [slug, want] of Object.entries(CUSTOMERS)) {
    const notice = text(`customers/${slug}/notice.de.txt`);
    assert.ok(notice.includes(want.de), `${slug}: ${notice}`);
    for (const name of want.names)
      assert.match(notice, new RegExp(`^- ${name}\\b`, 'm'), `${slug} lists ${name}`);
    for (const note of want.notes ?? []) assert.ok(notice.includes(note), `${slug}: ${note}`);
    const others = SERVICES.filter((s) => !want.names.includes(s));
    for (const other of others)
      assert.ok(!notice.includes(`- ${other}`), `${slug} does not list ${other}:\n${notice}`);
    if (want.hotline) assert.ok(notice.includes(want.hotline), `${slug} hotline:\n${notice}`);
    assert.match(notice, /^Stand: 26\. November 2026, 15:00 Uhr$/m);
    assert.match(notice, /^Quelle: regio iT, https:\/\/www\.regioit\.de /m);
    for (const leftover of ['undefined', '{{', '[object', 'NaN'])
      assert.ok(!notice.includes(leftover), `${slug}: ${leftover}`);
  }
  // A customer's own note stands for the service's note; English has its own words.
  assert.ok(!text('customers/stadt-aachen/notice.de.txt').includes('Nur mit Termin'));
  assert.match(
    text('customers/stadtwerke-eschweiler/notice.en.txt'),
    /^Stadtwerke Eschweiler are affected by an IT disruption at their IT service provider regio iT\./m,
  );
  assert.match(
    text('customers/stadt-aachen/notice.en.md'),
    /call Stadt Aachen at \[\\\+49 241 432-0\]\(tel:\+492414320\) \(Mon–Fri 8 am–4 pm\)/,
  );
  // The HTML page is the customer's: its name and website head it, no draft mark (approved).
  const html = text('customers/stadtwerke-eschweiler/notice.de.html');
  assert.match(html, /<html lang="de">/);
  assert.match(html, /<h1[^>]*>Eingeschränkte Leistungen der Stadtwerke Eschweiler<\/h1>/);
  assert.doesNotMatch(html, /ENTWURF/);
});

test("each customer's e-mail names its services and the attached notice; one that uses none says so", () => {
  const aachen = text('email.de.stadt-aachen.txt');
  assert.match(aachen, /^Sehr geehrte Frau Beispiel,$/m);
  assert.match(aachen, /^- Kfz-Zulassung: nicht verfügbar \(seit 24\. November 2026\)$/m);
  assert.match(aachen, /^- Bürgerbüro: eingeschränkt verfügbar\. Bürgerbüro Nord: /m);
  assert.doesNotMatch(aachen, /^- (Schulportal|Abrechnung Wasser)/m);
  assert.match(aachen, /Im Anhang finden Sie dazu einen Hinweis für Ihre Bürgerinnen und Bürger/);
  assert.match(aachen, /Ihre Frage zu den Wahlunterlagen/);
  const roetgen = text('email.de.gemeinde-roetgen.txt');
  assert.match(roetgen, /nutzen Sie keine der betroffenen Leistungen/);
  assert.doesNotMatch(roetgen, /Im Anhang/);
  assert.match(text('email.en.kreis-dueren.txt'), /^- School portal: available again$/m);
});

const PYTHON = String.raw`
import base64, email, email.policy, json, sys
out = []
for item in json.load(sys.stdin):
    msg = email.message_from_bytes(base64.b64decode(item), policy=email.policy.strict)
    out.append({
        "type": msg.get_content_type(),
        "parts": [p.get_content_type() for p in msg.iter_parts()],
        "to": [a.addr_spec for a in msg["To"].addresses],
        "defects": [repr(d) for part in msg.walk() for d in part.defects],
        "attachments": [[a.get_filename(), a.get_content_type(), a.get_content()] for a in msg.iter_attachments()],
    })
json.dump(out, sys.stdout)
`;

test('each .eml is multipart/mixed with the alternative body and the notice, to that customer only', async (t) => {
  const emls = [...files.keys()].filter((p) => p.endsWith('.eml')).sort();
  assert.equal(emls.length, 12);
  const expected = emls.map((name) => {
    const [, lang, slug] = name.split('.');
    const hasKit = slug in CUSTOMERS;
    return {
      name,
      lang,
      slug,
      hasKit,
      notice: hasKit
        ? ['txt', 'html'].map((ext) => text(`customers/${slug}/notice.${lang}.${ext}`))
        : [],
    };
  });
  const addresses = new Set();
  for (const e of expected) {
    const mail = await simpleParser(files.get(e.name));
    assert.equal(mail.to.value.length, 1, e.name);
    addresses.add(mail.to.value[0].address);
    assert.deepEqual(
      mail.attachments.map((a) => [a.filename, a.content.toString('utf8')]),
      e.hasKit
        ? [
            [`notice.${e.lang}.txt`, e.notice[0]],
            [`notice.${e.lang}.html`, e.notice[1]],
          ]
        : [],
      e.name,
    );
  }
  assert.equal(addresses.size, 6, 'each customer has its own address');
  if (!HAS_PYTHON) return t.skip('python3 not found');
  const r = spawnSync('python3', ['-c', PYTHON], {
    input: JSON.stringify(emls.map((name) => files.get(name).toString('base64'))),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  for (const [i, parsed] of JSON.parse(r.stdout).entries()) {
    const e = expected[i];
    assert.deepEqual(parsed.defects, [], e.name);
    assert.equal(parsed.to.length, 1, e.name);
    if (!e.hasKit) {
      assert.equal(parsed.type, 'multipart/alternative', e.name);
      continue;
    }
    assert.equal(parsed.type, 'multipart/mixed', e.name);
    assert.deepEqual(parsed.parts, ['multipart/alternative', 'text/plain', 'text/html'], e.name);
    assert.deepEqual(
      parsed.attachments.map(([name, type, content]) => [
        name,
        type,
        content.replace(/\r\n/g, '\n'),
      ]),
      [
        [`notice.${e.lang}.txt`, 'text/plain', e.notice[0]],
        [`notice.${e.lang}.html`, 'text/html', e.notice[1]],
      ],
      e.name,
    );
  }
});

test("customers' e-mails are the same bytes through the mail merge and rendered one by one", async () => {
  const { incident } = await checkIncident(FILE);
  const engine = new TemplateEngine(new TemplateStore());
  const selection = { variants: ['email', 'notice'], formats: ['html', 'md', 'txt', 'eml'] };
  const merged = await renderIncident(incident, engine, selection, { parseFrom: 1, mergeFrom: 1 });
  const inFull = await renderIncident(incident, engine, selection, { eachRecipientInFull: true });
  assert.deepEqual(
    merged.artifacts.map((a) => [a.path, a.sha256]),
    inFull.artifacts.map((a) => [a.path, a.sha256]),
  );
  assert.equal(merged.artifacts.length, 6 * 4 + 5 * 3);
});

test('--customer renders one customer; with --stdout one artifact; an unknown one is a usage error', async (t) => {
  const one = await runInProcess([
    'render',
    FILE,
    '--customer',
    'Kreis Düren',
    '--variant',
    'notice',
    '--format',
    'txt',
    '--stdout',
  ]);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(one.stdout, text('customers/kreis-dueren/notice.de.txt'));
  const out = tempDir(t);
  const kit = await runInProcess(['render', FILE, '--customer', 'monschau', '-o', out, '--json']);
  assert.equal(kit.code, 0, kit.stderr);
  assert.deepEqual(
    JSON.parse(kit.stdout)
      .artifacts.map((a) => a.path.slice(out.length + 1))
      .sort(),
    [
      'customers-regional/customers/monschau/banner.de.html',
      'customers-regional/customers/monschau/banner.de.txt',
      'customers-regional/customers/monschau/notice.de.html',
      'customers-regional/customers/monschau/notice.de.md',
      'customers-regional/customers/monschau/notice.de.txt',
      'customers-regional/customers/monschau/phone.de.txt',
      'customers-regional/customers/monschau/sms.de.txt',
      'customers-regional/customers/monschau/social.de.txt',
      'customers-regional/email.de.monschau.eml',
      'customers-regional/email.de.monschau.html',
      'customers-regional/email.de.monschau.md',
      'customers-regional/email.de.monschau.txt',
    ],
  );
  const wrong = await runInProcess(['render', FILE, '--customer', 'monchau', '--stdout']);
  assert.equal(wrong.code, 2);
  assert.match(
    wrong.stderr,
    /has no customer or recipient "monchau" \(hint: did you mean `monschau`\?\)/,
  );
  // A plain mail merge's recipient too: one recipient's e-mail can be printed.
  const recipient = await runInProcess([
    'render',
    fixture('mail-merge-three', 'incident.yaml'),
    '--customer',
    'Stadt Düren',
    '--format',
    'txt',
    '--stdout',
  ]);
  assert.equal(recipient.code, 0, recipient.stderr);
  assert.match(recipient.stdout, /^Sehr geehrte Frau Özdemir,$/m);
});

test('a customer naming an unknown service fails at its line with a suggestion, and nothing is written', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'kunden.yaml');
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(FILE, 'utf8').replace(
    'services: [Kfz-Zulassung, Schulportal]',
    'services: [Kfz-Zulassung, Schulportl]',
  );
  writeFileSync(file, source);
  const line = source.split('\n').findIndex((l) => l.includes('Schulportl')) + 1;
  const out = join(dir, 'out');
  const r = await runInProcess(['render', file, '-o', out]);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    new RegExp(
      `kunden\\.yaml:${line}:\\d+: error: customers\\.1\\.services\\.1: "Schulportl" is not one of the services \\(hint: did you mean \`Schulportal\`\\?\\)`,
    ),
  );
  assert.equal(existsSync(out), false);
});
