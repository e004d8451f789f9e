// The final report (issue 17): only for a resolved incident; a timeline that is the update log,
// how long each service was down (from incident.detected until its `since` once restored),
// computed in the organisation's time zone across a change of daylight saving time.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse, parseDocument } from 'yaml';
import { renderFiles } from '../../lib/api.js';
import { parseIncidentDate } from '../../lib/incident/dates.js';
import { measureDuration } from '../../lib/view/report.js';
import { fixture, runInProcess, tempDir } from '../helpers.js';

const DST = fixture('report-across-dst', 'incident.yaml');

async function render(files, options = {}) {
  const outcome = await renderFiles({ files, dryRun: true, ...options });
  return new Map(outcome.artifacts.map((a) => [a.path, Buffer.from(a.content).toString('utf8')]));
}

const at = (text, zone = 'Europe/Berlin') => parseIncidentDate(text, zone).value;
const hoursBetween = (a, b, zone) => measureDuration(at(a, zone), at(b, zone));

test('a duration is counted in the organisation time zone, across a change of daylight saving time', () => {
  // Summer time ends on 25 October 2026 (Berlin): that day has 25 hours.
  assert.deepEqual(hoursBetween('2026-10-24T10:00', '2026-10-26T10:00'), { hours: 49, minutes: 0 });
  // It begins on 29 March 2026: that day has 23 hours.
  assert.deepEqual(hoursBetween('2026-03-28T10:00', '2026-03-30T10:30'), {
    hours: 47,
    minutes: 30,
  });
  // Without daylight saving time, two days are 48 hours; an end before the start has no duration.
  assert.deepEqual(hoursBetween('2026-10-24T10:00', '2026-10-26T10:00', 'UTC'), {
    hours: 48,
    minutes: 0,
  });
  assert.equal(hoursBetween('2026-10-26T10:00', '2026-10-24T10:00'), undefined);
});

/** The rows of the Markdown table after the bold caption `caption`. */
function tableRows(md, caption) {
  const start = md.indexOf(`**${caption}:**`);
  assert.ok(start >= 0, caption);
  const lines = md.slice(start).split('\n').slice(2);
  const rows = [];
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(2, -2).split(' | '));
  }
  return rows;
}

test('the timeline is the update log, oldest first, and the durations count across the DST change', async () => {
  const all = await render([DST], { langs: ['de', 'en'], variants: ['report'], formats: ['md'] });
  const file = parse(readFileSync(DST, 'utf8'));
  const byDate = [...file.updates].sort((a, b) => a.at.localeCompare(b.at));
  for (const lang of ['de', 'en']) {
    const md = all.get(`report-across-dst/report.${lang}.md`);
    const timeline = tableRows(md, lang === 'de' ? 'Meldungen im Verlauf' : 'Updates in order');
    assert.equal(timeline.length, file.updates.length, lang);
    timeline.forEach(([date, event], i) => {
      const [y, , d] = byDate[i].at.slice(0, 10).split('-').map(Number);
      assert.match(
        date,
        new RegExp(`\\b${d}\\b.*${y}, ${byDate[i].at.slice(11)}`),
        `${lang} row ${i}`,
      );
      // The update's text, on one line.
      assert.ok(event.includes(byDate[i].text[lang].trim().replace(/\s*\n\s*/g, ' ')), event);
    });
    const downtimes = tableRows(
      md,
      lang === 'de' ? 'Ausfallzeiten der Dienste' : 'Downtime of the services',
    );
    const hours =
      lang === 'de'
        ? ['49 Stunden', '71 Stunden und 30 Minuten']
        : ['49 hours', '71 hours and 30 minutes'];
    assert.deepEqual(
      downtimes.map((r) => r.at(-1)),
      hours,
      lang,
    );
    // Detected 24 Oct 10:00, resolved by the update of 27 Oct 09:00: 72 hours, one of them the extra one.
    assert.match(md, lang === 'de' ? /sie dauerte 72 Stunden\./ : /it lasted 72 hours\./);
    for (const text of Object.values(file.report).map((v) => v[lang].split('\n')[0]))
      assert.ok(md.includes(text), text);
  }
});

test('the HTML report has captioned tables with row headers', async () => {
  const all = await render([DST], { variants: ['report'], formats: ['html'] });
  const html = all.get('report-across-dst/report.de.html');
  assert.match(html, /<caption>Meldungen im Verlauf<\/caption>/);
  assert.match(html, /<caption>Ausfallzeiten der Dienste<\/caption>/);
  assert.match(
    html,
    /<th scope="row">Bürgerbüro<\/th>\n<td>24\. Oktober 2026, 10:00 Uhr<\/td>\n<td>26\. Oktober 2026, 10:00 Uhr<\/td>\n<td>49 Stunden<\/td>/,
  );
});

test('a service still limited, or restored without a date, has no duration', async (t) => {
  const doc = parseDocument(readFileSync(DST, 'utf8'));
  doc.setIn(['services', 0, 'state'], 'limited');
  doc.deleteIn(['services', 1, 'since']);
  doc.deleteIn(['report']);
  const file = join(tempDir(t), 'incident.yaml');
  writeFileSync(file, String(doc));
  const md = (await render([file], { variants: ['report'], formats: ['md'] })).get(
    'report-across-dst/report.de.md',
  );
  assert.deepEqual(
    tableRows(md, 'Ausfallzeiten der Dienste').map((r) => r.slice(2)),
    [
      ['noch eingeschränkt', '–'],
      ['nicht angegeben', '–'],
    ],
  );
  // Without report texts, their sections are left out; the rest is built from the file.
  assert.doesNotMatch(md, /Ursache|gelernt|ändert sich/);
  assert.match(md, /## Was haben wir getan\?/);
});

test('an unresolved incident has no report; --variant report is a usage error saying why', async (t) => {
  const unresolved = fixture('attack-multi-day', 'incident.yaml');
  const all = await render([unresolved], { formats: ['md'] });
  assert.ok(all.size > 0);
  assert.ok(![...all.keys()].some((p) => p.includes('/report.')));
  const r = await runInProcess(['render', unresolved, '-o', tempDir(t), '--variant', 'faq,report']);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /^faq: error: the report variant exists only once the phase is resolved; .*attack-multi-day.* is recovering \(hint: .*\)\n$/,
  );
  // A resolved incident renders it by default.
  const resolved = await render([fixture('attack-resolved', 'incident.yaml')], { formats: ['md'] });
  assert.ok(resolved.has('attack-resolved/report.de.md'));
});
