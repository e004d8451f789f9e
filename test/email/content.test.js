// The customer e-mail as a person uses it: subject, salutation, body, signature; text to paste
// into Outlook; HTML that survives mail clients with the same text.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { EXAMPLE, LEFTOVER, flat, runInProcess, tempDir } from '../helpers.js';

const ID = 'regio-it-2026-11';

async function renderEmail(t, source, args = []) {
  const dir = tempDir(t);
  let file = EXAMPLE;
  if (source !== undefined) {
    file = join(dir, `${ID}.yaml`);
    writeFileSync(file, source);
  }
  const out = join(dir, 'out');
  const r = await runInProcess(['render', file, '-o', out, '--variant', 'email', ...args]);
  assert.equal(r.code, 0, r.stderr);
  const read = (ext) => readFileSync(join(out, ID, `email.de.${ext}`), 'utf8');
  return { txt: read('txt'), md: read('md'), html: read('html'), eml: () => read('eml') };
}

/** The visible text of the e-mail's HTML body: inline tags vanish, block tags separate. */
function bodyText(html) {
  return flat(
    html
      .slice(html.indexOf('<body'))
      .replace(/<\/?(a|strong|em|code|span)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  ).trim();
}

const example = () => readFileSync(EXAMPLE, 'utf8');

test('the text is what a person pastes: salutation first, Stand in the body, no subject line', async (t) => {
  const { txt, md } = await renderEmail(t);
  assert.ok(txt.startsWith('Sehr geehrte Damen und Herren,\n\nhiermit informieren wir Sie'), txt);
  assert.match(
    txt,
    /über die aktuelle IT-Störung der regio iT \(Stand: 26\. November 2026, 15:00 Uhr\)\./,
  );
  assert.match(txt, /Am 24\. November 2026 haben unsere Monitoring-Systeme/);
  assert.match(txt, /werden bis zum 28\. November 2026 Näheres wissen/);
  assert.match(txt, /\n- E-Government-Portale und Online-Terminvergabe\n/);
  assert.match(txt, /Wir bedauern die Unannehmlichkeiten/);
  assert.ok(txt.endsWith('\n\nMit freundlichen Grüßen\n\nIhre regio iT\n'), txt.slice(-80));
  assert.doesNotMatch(
    txt,
    /Information zur aktuellen IT-Störung/,
    'the subject is not in the body',
  );
  assert.doesNotMatch(md, /^#/m, 'the subject heading is stripped from the Markdown too');
  assert.doesNotMatch(txt, /[*_`#<>]|&[a-z]+;|&#\d+;/, 'no markup, no entities');
  assert.doesNotMatch(txt, LEFTOVER);
  const longest = Math.max(...txt.split('\n').map((l) => l.length));
  assert.ok(longest > 300, 'paragraphs are single lines, not hard-wrapped');
});

test('--wrap N wraps the text at N columns', async (t) => {
  const { txt } = await renderEmail(t, undefined, ['--wrap', '60']);
  for (const line of txt.split('\n')) assert.ok(line.length <= 60, line);
  assert.match(flat(txt), /haben unsere Monitoring-Systeme ungewöhnliche Aktivitäten festgestellt/);
});

test('the subject defaults to organisation and Stand, and email.subject overrides it', async (t) => {
  const { html } = await renderEmail(t);
  assert.match(
    html,
    /<title>regio iT: Information zur aktuellen IT-Störung \(Stand: 26\. November 2026, 15:00 Uhr\)<\/title>/,
  );
  const custom = await renderEmail(
    t,
    example().replace(
      '  # subject: eigener Betreff',
      '  subject: "Update 3: Störung & Wiederanlauf"\n  # subject: eigener Betreff',
    ),
  );
  assert.match(custom.html, /<title>Update 3: Störung &amp; Wiederanlauf<\/title>/);
  const mail = await simpleParser(Buffer.from(custom.eml(), 'latin1'));
  assert.equal(mail.subject, 'Update 3: Störung & Wiederanlauf');
  assert.match(custom.eml(), /^Subject: =\?UTF-8\?Q\?Update_3=3A_St=C3=B6rung_=26_/m);
  assert.ok(!custom.txt.includes('Update 3'));
});

test('without email.signature the e-mail closes with the contact and the organisation', async (t) => {
  // The signature goes; the e-mail block keeps a key so that it stays a mapping.
  const source = example().replace(
    / {2}signature:\n(?: {4}.*\n|\n)+/,
    '  salutation: Sehr geehrte Damen und Herren,\n',
  );
  assert.doesNotMatch(source, /Ihre regio iT/);
  const { txt, html } = await renderEmail(t, source);
  assert.ok(
    txt.endsWith(
      '\n\nMit freundlichen Grüßen\n\nPressestelle\nregio iT\nTelefon: +49 241 41359-0\nE-Mail: presse@regioit.de\n',
    ),
    txt.slice(-120),
  );
  assert.match(html, /Pressestelle<br>\s*regio iT<br>\s*Telefon: \+49 241 41359-0<br>/);
  assert.match(html, /<a href="mailto:presse@regioit\.de"[^>]*>presse@regioit\.de<\/a>/);
});

test('email.salutation replaces the default salutation', async (t) => {
  const { txt } = await renderEmail(
    t,
    example().replace(
      '  # subject: eigener Betreff',
      '  salutation: Liebe Kolleginnen und Kollegen,\n  # subject: eigener Betreff',
    ),
  );
  assert.ok(txt.startsWith('Liebe Kolleginnen und Kollegen,\n\nhiermit'), txt.slice(0, 60));
  assert.ok(!txt.includes('Sehr geehrte'));
});

test('values stay values in the e-mail: literal in text, escaped in HTML', async (t) => {
  const source = example()
    .replace(
      'name: regio iT # so geschrieben',
      'name: "Müller & Co <b>IT</b> *1*" # so geschrieben',
    )
    .replace(
      '  # subject: eigener Betreff',
      '  salutation: "Hallo <script>x</script> *Team*,"\n  # subject: eigener Betreff',
    );
  const { txt, html } = await renderEmail(t, source);
  assert.ok(txt.startsWith('Hallo <script>x</script> *Team*,\n'), txt.slice(0, 60));
  assert.ok(txt.includes('der Müller & Co <b>IT</b> *1* (Stand:'), 'organisation verbatim in text');
  assert.doesNotMatch(html, /<script|<b>/);
  assert.match(html, /Hallo &lt;script&gt;x&lt;\/script&gt; \*Team\*,/);
  assert.match(html, /der Müller &amp; Co &lt;b&gt;IT&lt;\/b&gt; \*1\* \(Stand:/);
});

test('e-mail HTML: standalone, inline styles, no scripts or external resources, the text of the txt', async (t) => {
  const { txt, html } = await renderEmail(t);
  assert.match(html, /^<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">/);
  assert.match(html, /<title>[^<]+<\/title>/);
  assert.doesNotMatch(html, /<style|<script|<link|<img|<iframe|\bsrc=|url\(|@import/i);
  assert.match(html, /<body style="[^"]*color: #1a1a1a; background-color: #ffffff;/);
  assert.match(html, /<p style="margin: 0 0 16px;">Sehr geehrte Damen und Herren,<\/p>/);
  assert.match(html, /<a href="https:\/\/www\.regioit\.de" style="[^"]*color: #0b4f8a/);
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
  for (const href of hrefs) assert.match(href, /^(https:|mailto:)/);
  assert.equal(bodyText(html), flat(txt.replace(/^- /gm, '')).trim());
});

test('--stdout prints exactly the e-mail text (--variant email --format txt --lang de)', async (t) => {
  const r = await runInProcess([
    'render',
    EXAMPLE,
    '--variant',
    'email',
    '--format',
    'txt',
    '--lang',
    'de',
    '--stdout',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, (await renderEmail(t)).txt);

  const two = await runInProcess([
    'render',
    EXAMPLE,
    '--variant',
    'email',
    '--format',
    'txt',
    '--lang',
    'de,en',
    '--stdout',
  ]);
  assert.equal(two.code, 2);
  assert.equal(two.stdout, '');
  assert.match(two.stderr, /email\.de\.txt/);
  assert.match(two.stderr, /email\.en\.txt/);
});
