// Every status × phase renders without leftovers, with wording that fits: an attack is not
// "maybe an attack", a malfunction is not an attack, a resolved incident promises no date.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LEFTOVER, fixture, runInProcess, tempDir } from '../helpers.js';

const STATUSES = ['unknown', 'attack', 'malfunction'];
const PHASES = ['investigating', 'recovering', 'resolved'];

async function renderFaq(file) {
  const r = await runInProcess([
    'render',
    file,
    '--variant',
    'faq',
    '--format',
    'txt',
    '--lang',
    'de',
    '--stdout',
  ]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

for (const status of STATUSES) {
  for (const phase of PHASES) {
    test(`${status} × ${phase}: wording matches the facts`, async () => {
      const file = fixture(`${status}-${phase}`, 'incident.yaml');
      const source = readFileSync(file, 'utf8');
      const text = await renderFaq(file);
      assert.doesNotMatch(text, LEFTOVER);
      assert.match(text, /^Häufig gestellte Fragen\n\nStand: 10\. März 2026, 08:15 Uhr\n/);
      assert.match(
        text,
        /Am 8\. März 2026, 22:40 Uhr haben unsere Monitoring-Systeme ungewöhnliche Aktivitäten festgestellt\./,
      );

      const maybe = /ob es sich um einen Angriff oder eine Fehlfunktion/i;
      if (status === 'unknown') assert.match(text, maybe);
      else assert.doesNotMatch(text, maybe);
      // Told in the past tense once resolved (the wording audit, docs/wording.md).
      const tense = phase === 'resolved' ? 'handelte' : 'handelt';
      if (status === 'attack') {
        assert.match(
          text,
          new RegExp(
            `Ja\\. Nach den bisherigen Untersuchungen ${tense} es sich um einen kriminellen Cyberangriff\\.`,
          ),
        );
        assert.doesNotMatch(text, /nicht ausschließen/);
      }
      if (status === 'malfunction') {
        assert.match(
          text,
          new RegExp(
            `Nein\\. Nach den bisherigen Untersuchungen ${tense} es sich um eine technische Fehlfunktion und nicht um einen Cyberangriff\\.`,
          ),
        );
        assert.doesNotMatch(text, /kriminellen Cyberangriff handelt/);
      }

      const promise = /werden bis zum|rechnen damit|erwarten wir am|rechnen bis zum/;
      if (phase === 'investigating') {
        assert.match(text, /bis zum 12\. März 2026 Näheres wissen/);
        assert.match(text, /Wann gibt es neue Informationen\?/);
        assert.match(
          text,
          /Durch diese Schutzmaßnahme stehen unsere IT-Services derzeit leider nicht zur Verfügung\./,
        );
      } else {
        assert.doesNotMatch(text, /derzeit noch nicht ausschließen/);
        assert.doesNotMatch(text, /leider nicht zur Verfügung/);
      }
      if (phase === 'recovering') assert.match(text, /schrittweise/);
      if (phase === 'resolved') {
        assert.doesNotMatch(text, promise);
        assert.match(text, /wieder in Betrieb/);
        assert.doesNotMatch(text, /Wenn Sie einen Termin haben/);
        assert.doesNotMatch(text, /verfügbar sind:/);
      }

      const cancel = /cancel_appointments: true/.test(source) && phase !== 'resolved';
      assert.equal(
        /Wenn Sie einen Termin haben, nehmen Sie diesen bitte nicht wahr\./.test(text),
        cancel,
        'appointment sentence',
      );
      assert.equal(
        /Kann ich Dokumente abholen\?/.test(text),
        /questions:/.test(source),
        'extra question',
      );
      assert.equal(
        /Welche Maßnahmen wurden ergriffen\?/.test(text),
        !/measures: \[\]/.test(source),
        'measures',
      );
      assert.equal(
        /Krisenstab/.test(text),
        !/measures: \[(?![^\]]*crisis_team)/.test(source),
        'crisis team measure',
      );
      if (/crisis_team: 2026-03-09/.test(source))
        assert.match(
          text,
          /Wir haben am 9\. März 2026 unverzüglich einen internen Krisenstab gebildet/,
        );
    });
  }
}

test('German grammar follows organization.grammar', async () => {
  const cases = [
    ['unknown-investigating', /alle Systeme der Stadt Musterstadt isoliert/],
    ['attack-investigating', /alle Systeme von Dataport isoliert/],
    ['malfunction-investigating', /alle Systeme des Rechenzentrums Nord isoliert/],
    ['unknown-recovering', /IT-Systeme des Zweckverbands KDN derzeit/],
    ['unknown-resolved', /Die IT-Systeme der Stadtwerke Beispielstadt sind wieder in Betrieb/],
    ['malfunction-resolved', /Die IT-Systeme der Kommunalen ADV sind wieder in Betrieb/],
  ];
  for (const [name, pattern] of cases)
    assert.match(await renderFaq(fixture(name, 'incident.yaml')), pattern, name);
});

test('a resolved incident never shows findings_expected, even when the file still has it', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'resolved.yaml');
  const source = readFileSync(fixture('attack-resolved', 'incident.yaml'), 'utf8').replace(
    '  detected: 2026-03-08T22:40\n',
    '  detected: 2026-03-08T22:40\n  findings_expected: 2026-03-20\n',
  );
  writeFileSync(file, source);
  const text = await renderFaq(file);
  assert.doesNotMatch(text, /20\. März 2026/);
});
