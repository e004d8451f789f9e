// The default zone's offsets come from a table the build computed from ICU (no Intl.DateTimeFormat
// in a cold render): it must give exactly what ICU gives, and be used only where it holds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isKnownTimeZone,
  parseIncidentDate,
  partsFromIcu,
  partsIn,
  toIsoString,
} from '../../lib/incident/dates.js';
import { ZONE_TABLES } from '../../lib/incident/zone-table.js';

const ZONE = 'Europe/Berlin';
const table = ZONE_TABLES.find((t) => t.zone === ZONE);

test('the build made a table of the default zone for the Node that built it', () => {
  assert.ok(table, 'lib/incident/zone-table.js has Europe/Berlin');
  assert.ok(table.changes.length > 400, 'two changes a year, 1990–2199');
  assert.equal(typeof table.tz, 'string');
});

test('a date in the default zone is converted without creating an Intl.DateTimeFormat', (t) => {
  if (table.tz !== process.versions.tz)
    return t.skip(`this Node's time-zone data is not ${table.tz}`);
  const real = Intl.DateTimeFormat;
  Intl.DateTimeFormat = function refused() {
    throw new Error('Intl.DateTimeFormat created');
  };
  try {
    assert.equal(isKnownTimeZone(ZONE), true);
    const summer = parseIncidentDate('2026-07-24T09:30', ZONE);
    assert.equal(summer.ok && toIsoString(summer.value), '2026-07-24T09:30+02:00');
    const twice = parseIncidentDate('2026-10-25T02:30', ZONE);
    assert.match(twice.ok && twice.warning.message, /happens twice in Europe\/Berlin/);
    const skipped = parseIncidentDate('2026-03-29T02:30', ZONE);
    assert.equal(skipped.ok, false);
    assert.throws(() => partsIn(Date.UTC(2300, 0, 1), ZONE), /Intl.DateTimeFormat created/);
  } finally {
    Intl.DateTimeFormat = real;
  }
});

test('the table gives what ICU gives: at every change, a minute and a millisecond around it, and between', () => {
  const at = [table.from, table.to - 1];
  for (const [change] of table.changes)
    at.push(change - 60_000, change - 1, change, change + 1, change + 60_000);
  // 2000 instants spread over the years, off the full minute.
  for (let n = 0; n < 2000; n++)
    at.push(table.from + Math.floor(((table.to - table.from) * n) / 2000) + 12_345);
  for (const utc of at)
    assert.deepEqual(partsIn(utc, ZONE), partsFromIcu(utc, ZONE), new Date(utc).toISOString());
});

test('outside its years, or for another zone, ICU answers', () => {
  for (const utc of [table.from - 1, table.to, Date.UTC(1950, 5, 1), Date.UTC(2400, 5, 1)])
    assert.deepEqual(partsIn(utc, ZONE), partsFromIcu(utc, ZONE));
  const summer = Date.UTC(2026, 6, 1, 12);
  assert.deepEqual(partsIn(summer, 'America/New_York'), [2026, 7, 1, 8, 0]);
  assert.deepEqual(partsIn(summer, 'europe/berlin'), [2026, 7, 1, 14, 0]);
  assert.equal(isKnownTimeZone('Europe/Berlinn'), false);
});
