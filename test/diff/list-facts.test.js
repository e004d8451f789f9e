// `faq diff` names what changed in the story of an incident (issue 12): services by name, updates
// by date, contacts, and the status as settled from the updates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareFacts } from '../../lib/diff/facts.js';
import { buildIncidentJsonSchema } from '../../lib/schema/json-schema.js';

const schema = buildIncidentJsonSchema();
const BASE = {
  updated: '2026-11-26T15:00',
  organization: { name: 'X' },
  incident: { status: 'unknown', detected: '2026-11-24', findings_expected: '2026-11-28' },
  updates: [{ at: '2026-11-25T18:00', text: 'Die Untersuchung hat begonnen.' }],
  services: [
    { name: 'Kfz-Zulassung', state: 'down', since: '2026-11-24' },
    { name: { de: 'Bürgerbüro', en: 'Citizens office' }, state: 'down' },
    { name: 'Standesamt', state: 'limited' },
  ],
  contacts: { hotline: { phone: '+49 241 1' } },
};

function facts(edit, lang = 'de') {
  const next = JSON.parse(JSON.stringify(BASE));
  edit(next);
  return compareFacts(BASE, next, { lang, schema }).map((c) => `${c.path}: ${c.change}`);
}

test('services are matched by name: state, since and note changes, added and removed', () => {
  const changes = facts((d) => {
    d.services = [
      { name: 'Standesamt', state: 'restored' },
      { name: 'Kfz-Zulassung', state: 'limited', since: '2026-11-27', note: 'Nur mit Termin.' },
      { name: 'Wahlamt', state: 'down' },
    ];
  });
  assert.deepEqual(changes, [
    'services: Standesamt limited → restored',
    'services: Kfz-Zulassung down → limited, since 24. November 2026 → 27. November 2026, note added',
    'services: Wahlamt added (down)',
    'services: Bürgerbüro removed',
  ]);
  // Reordering the list changes no fact; the English name is used for English output.
  assert.deepEqual(
    facts((d) => d.services.reverse()),
    [],
  );
  assert.deepEqual(
    facts((d) => (d.services[1].state = 'restored'), 'en'),
    ['services: Citizens office down → restored'],
  );
});

test('updates are matched by date: a new one with the start of its text, changed, removed', () => {
  const changes = facts((d) => {
    d.updates.push({
      at: '2026-11-26T09:00',
      text: 'Es handelt sich um einen Cyberangriff auf die zentralen Systeme der Verwaltung.\n\nMehr …',
    });
    d.updates[0].text = 'Die forensische Untersuchung hat begonnen.';
  });
  assert.deepEqual(changes, [
    'updates: 25. November 2026, 18:00 Uhr changed',
    'updates: new 26. November 2026, 09:00 Uhr: "Es handelt sich um einen Cyberangriff auf die zent…"',
  ]);
  assert.deepEqual(
    facts((d) => (d.updates = [])),
    ['updates: 25. November 2026, 18:00 Uhr removed'],
  );
  // The same moment written with an offset is the same update.
  assert.deepEqual(
    facts((d) => (d.updates[0].at = '2026-11-25T17:00Z')),
    [],
  );
});

test('the status is compared as settled: an update that sets it is a change of incident.status', () => {
  const changes = facts((d) => {
    delete d.incident.status;
    d.updates.push({
      at: '2026-11-26T09:00',
      text: 'Angriff.',
      status: 'attack',
      phase: 'recovering',
    });
  });
  assert.deepEqual(changes, [
    'incident.status: unknown → attack',
    'incident.phase: investigating (default) → recovering',
    'updates: new 26. November 2026, 09:00 Uhr: "Angriff."',
  ]);
  // Moving the same status from incident: into the update is no change of fact.
  const moved = facts((d) => {
    delete d.incident.status;
    d.updates[0].status = 'unknown';
  });
  assert.deepEqual(moved, ['updates: 25. November 2026, 18:00 Uhr changed']);
});

test('contacts: the hotline and the unreachable mailbox are named', () => {
  const changes = facts((d) => {
    d.contacts.hotline = { phone: '+49 241 999', hours: 'Mo–Fr 8–18 Uhr' };
    d.contacts.email_unreachable_since = '2026-11-24';
  });
  assert.deepEqual(changes, [
    'contacts.hotline.phone: "+49 241 1" → "+49 241 999"',
    'contacts.hotline.hours: (not set) → "Mo–Fr 8–18 Uhr"',
    'contacts.email_unreachable_since: (not set) → 24. November 2026',
  ]);
});
