import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareDates,
  parseIncidentDate,
  toIsoString,
  toRfc5322Date,
} from '../../lib/incident/dates.js';
import { formatDate, formatDateTime } from '../../lib/lang/dates.js';

const TZ = 'Europe/Berlin';
const parse = (s, tz = TZ) => {
  const r = parseIncidentDate(s, tz);
  assert.ok(r.ok, `${s}: ${r.message}`);
  return r.value;
};

test('dates, local times and explicit offsets', () => {
  assert.equal(toIsoString(parse('2026-11-24')), '2026-11-24');
  assert.equal(toIsoString(parse('2026-11-24T09:30')), '2026-11-24T09:30+01:00');
  assert.equal(toIsoString(parse('2026-07-24T09:30')), '2026-07-24T09:30+02:00', 'summer time');
  assert.equal(
    toIsoString(parse('2026-11-24T08:30Z')),
    '2026-11-24T09:30+01:00',
    'UTC shown in local time',
  );
  assert.equal(
    toIsoString(parse('2026-11-24T23:30-05:00')),
    '2026-11-25T05:30+01:00',
    'crosses midnight',
  );
  assert.equal(
    toIsoString(parse('2026-11-24T09:30', 'America/New_York')),
    '2026-11-24T09:30-05:00',
  );
  assert.equal(toIsoString(parse('2026-11-24 09:30')), '2026-11-24T09:30+01:00', 'space separator');
});

test('impossible dates and times are rejected', () => {
  for (const s of [
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-11-24T24:00',
    '2026-11-24T09:60',
    '24.11.2026',
    '2026-11-24T09:30+15:00',
    'tomorrow',
  ]) {
    assert.equal(parseIncidentDate(s, TZ).ok, false, s);
  }
  assert.equal(parseIncidentDate('2028-02-29', TZ).ok, true, 'leap day');
  assert.match(parseIncidentDate('0026-11-24', TZ).message, /year must be between 1990 and 2199/);
});

test('comparisons use days when either side has no time', () => {
  assert.equal(compareDates(parse('2026-11-28'), parse('2026-11-28T15:00')), 0);
  assert.ok(compareDates(parse('2026-11-27'), parse('2026-11-28T00:10')) < 0);
  assert.ok(compareDates(parse('2026-11-28T09:00'), parse('2026-11-28T10:00')) < 0);
  assert.ok(
    compareDates(parse('2026-11-28T09:00Z'), parse('2026-11-28T09:30')) > 0,
    '09:00Z is 10:00 in Berlin',
  );
});

test('long forms per language', () => {
  assert.equal(formatDate(parse('2026-11-24'), 'de'), '24. November 2026');
  assert.equal(formatDateTime(parse('2026-03-05T09:30'), 'de'), '5. März 2026, 09:30 Uhr');
  assert.equal(formatDate(parse('2026-11-24'), 'en'), '24 November 2026');
  assert.equal(formatDateTime(parse('2026-11-24T09:30'), 'en'), '24 November 2026, 09:30');
});

test('e-mail Date headers in local time with the offset', () => {
  assert.equal(toRfc5322Date(parse('2026-11-26T15:00')), 'Thu, 26 Nov 2026 15:00:00 +0100');
  assert.equal(toRfc5322Date(parse('2026-07-05T09:05')), 'Sun, 05 Jul 2026 09:05:00 +0200');
  assert.equal(
    toRfc5322Date(parse('2026-11-26T15:00', 'America/New_York')),
    'Thu, 26 Nov 2026 15:00:00 -0500',
  );
});

test('a date-only updated gives the Date header the offset of its zone on that day, not +0000', () => {
  assert.equal(toRfc5322Date(parse('2026-11-26')), 'Thu, 26 Nov 2026 00:00:00 +0100');
  assert.equal(toRfc5322Date(parse('2026-07-05')), 'Sun, 05 Jul 2026 00:00:00 +0200');
  assert.equal(
    toRfc5322Date(parse('2026-11-26', 'America/New_York')),
    'Thu, 26 Nov 2026 00:00:00 -0500',
  );
  assert.equal(toIsoString(parse('2026-07-05')), '2026-07-05', 'shown as a day, as before');
});
