// An incident over several days (issue 12): every variant shows the log, the newest update, the
// services, the hotline and the reachability notice, in de and en, in every format.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Lexer } from 'marked';
import { simpleParser } from 'mailparser';
import {
  FIXTURES,
  LEFTOVER,
  flat,
  htmlText,
  listFiles,
  runInProcess,
  tempDir,
} from '../helpers.js';

const FIXTURE = join(FIXTURES, 'attack-multi-day', 'incident.yaml');

/** The fixture's updates, newest first: date as shown and the start of the text, per language. */
const UPDATES = {
  de: [
    ['28. November 2026, 16:00 Uhr', 'Der Wiederanlauf hat begonnen'],
    ['27. November 2026, 10:00 Uhr', 'Die Untersuchung bestätigt einen kriminellen Cyberangriff'],
    ['25. November 2026, 18:00 Uhr', 'Die forensische Untersuchung hat begonnen'],
    ['24. November 2026, 09:30 Uhr', 'Ungewöhnliche Aktivitäten festgestellt'],
  ],
  en: [
    ['28 November 2026, 16:00', 'The restart has begun'],
    ['27 November 2026, 10:00', 'The investigation confirms a criminal cyber attack'],
    ['25 November 2026, 18:00', 'The forensic investigation has begun'],
    ['24 November 2026, 09:30', 'Unusual activity detected'],
  ],
};
const MILESTONES = {
  de: [' – Wiederanlauf begonnen', ' – Cyberangriff bestätigt'],
  en: [' – restart begun', ' – cyber attack confirmed'],
};
const HOTLINE = '+49 241 41359-999';
const HOURS = { de: 'Mo–Fr 8–18 Uhr', en: 'Mon–Fri 8 am–6 pm' };
const PREVIOUS = {
  de: 'Seit unserer letzten Information am 27. November 2026, 10:00 Uhr hat sich Folgendes geändert:',
  en: 'Since our last information on 27 November 2026, 10:00, the following has changed:',
};
const UNREACHABLE = {
  de: 'E-Mails an uns kommen seit dem 24. November 2026 nicht an.',
  en: 'E-mails to us have not been arriving since 24 November 2026.',
};
const SERVICES_HEADER = { de: ['Dienst', 'Zustand', 'Hinweis'], en: ['Service', 'State', 'Note'] };

/** Renders an incident file (de and en) into a fresh folder; returns its artifacts as text. */
async function renderAll(t, file) {
  const out = tempDir(t);
  const r = await runInProcess(['render', file, '-o', out, '--lang', 'de,en']);
  assert.equal(r.code, 0, r.stderr);
  const dir = join(out, listFiles(out)[0].split('/')[0]);
  const files = listFiles(dir);
  const artifacts = {};
  for (const f of files)
    artifacts[f] = readFileSync(join(dir, f), f.endsWith('.eml') ? 'latin1' : 'utf8');
  return artifacts;
}

/** The text a reader sees in an artifact: HTML without tags, an .eml's plain part, else as is. */
async function readable(name, content) {
  if (name.endsWith('.eml')) return flat((await simpleParser(Buffer.from(content, 'latin1'))).text);
  if (name.endsWith('.html')) return htmlText(content);
  // Links ("[+49 …](tel:…)"), bold and escapes ("\+49") aside, Markdown reads as its text.
  return flat(
    content
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*\*/g, '')
      .replace(/\\([\\`*_[\]<>&|~#@+-])/g, '$1'),
  );
}

/** A copy of the fixture with `edit` applied to its text. */
function editedFixture(t, edit) {
  const file = join(tempDir(t), 'incident.yaml');
  writeFileSync(file, edit(readFileSync(FIXTURE, 'utf8')));
  return file;
}

let all;
const cleanups = [];
before(async () => {
  all = await renderAll({ after: (f) => cleanups.push(f) }, FIXTURE);
});
after(() => cleanups.forEach((f) => f()));

const langOf = (name) => name.split('.')[1];
const named = (variant) =>
  Object.keys(all).filter((f) => f.startsWith(`${variant}.`) && f !== 'manifest.json');

test('every artifact in de and en, every recipient, no leftover placeholder', async () => {
  const emails = named('email');
  assert.equal(emails.length, 2 * 2 * 4, emails.join(' '));
  for (const [name, content] of Object.entries(all)) {
    if (name === 'manifest.json') continue;
    assert.doesNotMatch(await readable(name, content), LEFTOVER, name);
  }
});

test('the FAQ shows every update with its date, newest first, and the newest one near the top', async () => {
  const faqs = named('faq');
  assert.equal(faqs.length, 6);
  for (const name of faqs) {
    const text = await readable(name, all[name]);
    const lang = langOf(name);
    const timeline = text.slice(text.lastIndexOf(lang === 'de' ? 'Verlauf' : 'Timeline'));
    let last = -1;
    for (const [i, [date, words]] of UPDATES[lang].entries()) {
      // Each under its date, with what it established (the fixture's first two set phase, status).
      const entry = `${date}${MILESTONES[lang][i] ?? ''} ${words}`;
      const at = timeline.indexOf(entry);
      assert.ok(at > last, `${name}: "${entry}" in the timeline, after the newer one`);
      last = at;
    }
    const news = lang === 'de' ? 'Neu seit dem letzten Stand' : 'New since the last update';
    assert.ok(
      text.indexOf(`${news} (${UPDATES[lang][0][0]}): ${UPDATES[lang][0][1]}`) <
        text.indexOf(lang === 'de' ? 'Was ist passiert?' : 'What happened?'),
      `${name}: the newest update before the first question`,
    );
  }
});

test('the FAQ answers "how can I reach you" near the top and in the footer, and shows the notice', async () => {
  for (const name of named('faq')) {
    const lang = langOf(name);
    const text = await readable(name, all[name]);
    const question = lang === 'de' ? 'Wie erreiche ich Sie?' : 'How can I reach you?';
    const block = text.slice(text.lastIndexOf(question));
    assert.ok(block.includes(`${HOTLINE} (${HOURS[lang]})`), `${name}: hotline and hours`);
    assert.match(block, /Lombardenstraße 24/, `${name}: alternatives`);
    assert.ok(
      text.trimEnd().endsWith(`Hotline: ${HOTLINE} (${HOURS[lang]})`),
      `${name}: the hotline closes the page: …${text.slice(-80)}`,
    );
    assert.ok(text.includes(UNREACHABLE[lang]), `${name}: reachability notice`);
  }
  const html = all['faq.de.html'];
  assert.match(
    html,
    /<footer class="colophon">[\s\S]*<a href="tel:\+4924141359999">\+49 241 41359-999<\/a>[\s\S]*<\/footer>/,
  );
  assert.match(
    html,
    /<p class="status notice"><strong>Wichtig:<\/strong> E-Mails an uns kommen seit dem/,
  );
  // The footer's lines are not a question's answer in the structured data.
  assert.doesNotMatch(html.slice(html.indexOf('"FAQPage"'), html.indexOf('</script>')), /Hotline:/);
});

test('the services are a table: caption and th scope in HTML, a GFM table in Markdown', () => {
  for (const lang of ['de', 'en']) {
    for (const name of [`faq.${lang}.html`, `email.${lang}.stadt-dueren.html`]) {
      const table = /<table[^>]*>[\s\S]*?<\/table>/.exec(all[name])?.[0] ?? '';
      assert.match(table, /<caption>(Stand der Dienste|State of services)<\/caption>/, name);
      assert.equal(table.match(/<th scope="col"/g)?.length, 3, name);
      assert.equal(table.match(/<th scope="row"/g)?.length, 3, name);
      assert.match(table, /<th scope="row"[^>]*>(Kfz-Zulassung|Vehicle registration)<\/th>/, name);
    }
    for (const name of [`faq.${lang}.md`, `email.${lang}.staedteregion-aachen.md`]) {
      const table = new Lexer({ gfm: true }).lex(all[name]).find((tk) => tk.type === 'table');
      assert.ok(table, `${name}: a GFM table`);
      assert.deepEqual(
        table.header.map((c) => c.text),
        SERVICES_HEADER[lang],
        name,
      );
      assert.equal(table.rows.length, 3, name);
      const states = table.rows.map((r) => r[1].text);
      assert.match(
        states.join(' | '),
        lang === 'de'
          ? /wieder verfügbar.*eingeschränkt verfügbar.*nicht verfügbar/
          : /available again.*partly available.*not available/,
        name,
      );
    }
  }
  // In text, a list when the columns would be too wide: "name: state – note".
  assert.match(
    all['faq.de.txt'],
    /\n- Kfz-Zulassung: eingeschränkt verfügbar \(seit 28\. November 2026\) – Nur mit Termin, nur Barzahlung\.\n/,
  );
});

test('press release and e-mail: the newest update first, the hotline, in every format', async () => {
  for (const name of [...named('press'), ...named('email')]) {
    const lang = langOf(name);
    const text = await readable(name, all[name]);
    const newest = UPDATES[lang][0][1];
    assert.ok(text.includes(newest), `${name}: newest update`);
    assert.ok(text.includes(HOTLINE), `${name}: hotline`);
    for (const [, older] of UPDATES[lang].slice(1))
      assert.ok(!text.includes(older), `${name}: only the newest`);
    if (name.startsWith('press')) {
      const lead = lang === 'de' ? 'Aachen, 28. November 2026 – ' : 'Aachen, 28 November 2026 – ';
      assert.ok(text.includes(lead + newest), `${name}: the update is the lead`);
      assert.match(
        text,
        lang === 'de'
          ? /Kfz-Zulassung: eingeschränkt verfügbar/
          : /Vehicle registration: partly available/,
        name,
      );
      assert.ok(
        !text.includes(lang === 'de' ? 'E-Government-Portale: nicht' : 'E-government portals: not'),
        `${name}: only services that changed`,
      );
    } else {
      assert.ok(
        text.includes(`${PREVIOUS[lang]} ${newest}`),
        `${name}: "since our last information"`,
      );
      assert.ok(text.includes(UNREACHABLE[lang]), `${name}: reachability notice`);
      assert.ok(
        text.indexOf(newest) <
          text.indexOf(lang === 'de' ? 'Monitoring-Systeme' : 'monitoring systems'),
        `${name}: news first`,
      );
    }
  }
});

test('a newer update without a change of status keeps the headline but not the lead', async (t) => {
  const next = editedFixture(t, (s) =>
    s
      .replace(/updated: 2026-11-28T16:00/, 'updated: 2026-11-29T09:00')
      .replace(/approval: \{[^}]*\}/, 'approval: { by: Pressestelle, at: 2026-11-29T09:00 }')
      .replace(
        'updates:\n',
        'updates:\n  - at: 2026-11-29T09:00\n    text: { de: Die Kfz-Zulassung nimmt wieder Termine an., en: Vehicle registration takes appointments again. }\n',
      ),
  );
  const day = await renderAll(t, next);
  const [headline, , , , lead] = all['press.de.txt'].split('\n');
  const [nextHeadline, , , , nextLead] = day['press.de.txt'].split('\n');
  assert.equal(nextHeadline, headline);
  assert.notEqual(nextLead, lead);
  assert.equal(nextLead, 'Aachen, 29. November 2026 – Die Kfz-Zulassung nimmt wieder Termine an.');
  assert.match(
    day['email.de.stadt-dueren.txt'],
    /Seit unserer letzten Information am 28\. November 2026, 16:00 Uhr hat sich Folgendes geändert:\n\nDie Kfz-Zulassung nimmt/,
  );
});

test('a single update is "new" in the e-mail; no notice, table or contact block without their keys', async (t) => {
  const file = editedFixture(t, (s) => {
    const [head, rest] = s.split('\nupdates:\n');
    const log = rest.slice(
      rest.indexOf('  - at: 2026-11-24T09:30'),
      rest.indexOf('  - at: 2026-11-27'),
    );
    const tail = rest.slice(rest.indexOf('\nemail:'));
    return `${head}\nupdates:\n${log}${tail}`
      .replace(/\n {2}confirmed: [^\n]*/, '')
      .replace('status: attack\n  phase: recovering', 'status: unknown\n  phase: investigating')
      .replace(/\n {2}custom_measures:[\s\S]*?(?=\n\S)/, '');
  });
  const day = await renderAll(t, file);
  const mail = day['email.de.stadt-dueren.txt'];
  assert.match(
    mail,
    /\nNeu am 24\. November 2026, 09:30 Uhr:\n\nUngewöhnliche Aktivitäten festgestellt/,
  );
  assert.doesNotMatch(mail, /Seit unserer letzten Information|Wichtig:|Hotline|Stand der Dienste/);
  assert.doesNotMatch(day['faq.en.md'], /How can I reach you|Important:|State of services|\n---\n/);
  assert.doesNotMatch(day['faq.de.html'], /<footer[\s\S]*Hotline/);
});

test('an update that changes the phase changes the press headline', async (t) => {
  const resolved = editedFixture(t, (s) =>
    s
      .replace(/updated: 2026-11-28T16:00/, 'updated: 2026-11-30T12:00')
      .replace(/approval: \{[^}]*\}/, 'approval: { by: Pressestelle, at: 2026-11-30T12:00 }')
      .replace('  phase: recovering\n  detected', '  phase: resolved\n  detected')
      .replace(
        'updates:\n',
        'updates:\n  - at: 2026-11-30T12:00\n    phase: resolved\n    text: { de: Alle Dienste laufen wieder., en: All services are running again. }\n',
      ),
  );
  const day = await renderAll(t, resolved);
  const headline = (txt) => txt.split('\n')[0];
  assert.notEqual(headline(day['press.de.txt']), headline(all['press.de.txt']));
  assert.match(headline(day['press.de.txt']), /IT-Systeme wieder in Betrieb$/);
  assert.match(
    day['press.en.txt'].split('\n')[4],
    /^Aachen, 30 November 2026 – All services are running again\.$/,
  );
});

test('a note with "|", markup and line breaks stays one table cell; an own measure stays one item', async (t) => {
  const file = editedFixture(t, (s) =>
    s
      .replace('de: Nur mit Termin, nur Barzahlung.', 'de: "Termin | Bar\\n<b>fett</b> und `a|b`"')
      .replace(
        'de: Die Kfz-Zulassung arbeitet mit Ersatzrechnern, die vom übrigen Netz getrennt sind.',
        'de: "Erster Absatz.\\n\\nZweiter Absatz."',
      ),
  );
  const day = await renderAll(t, file);
  const table = new Lexer({ gfm: true }).lex(day['faq.de.md']).find((tk) => tk.type === 'table');
  assert.ok(
    table.rows.every((r) => r.length === 3),
    'three cells in every row',
  );
  assert.match(table.rows[1][2].text, /^Termin \| Bar &lt;b>fett&lt;\/b> und `a\|b`$/);
  const html = day['faq.de.html'];
  assert.doesNotMatch(html, /<b>fett/);
  assert.match(html, /<td>Termin \| Bar &lt;b&gt;fett&lt;\/b&gt; und <code>a\|b<\/code><\/td>/);
  // The second paragraph continues the list item instead of ending the list.
  assert.match(
    day['faq.de.md'],
    /\n- Notbetrieb der Zulassungsstelle: Erster Absatz\.\n\n {2}Zweiter Absatz\.\n/,
  );
  assert.match(
    html,
    /<li><p>Notbetrieb der Zulassungsstelle: Erster Absatz\.<\/p>\n<p>Zweiter Absatz\.<\/p>\n<\/li>\n<\/ul>/,
  );
});
