// Press release and e-mail for every status × phase, in German: consistent with the facts and
// with the FAQ (an attack is not "maybe an attack", a resolved incident promises no date).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LEFTOVER, fixture, runInProcess, tempDir } from '../helpers.js';

const STATUSES = ['unknown', 'attack', 'malfunction'];
const PHASES = ['investigating', 'recovering', 'resolved'];

const HEADLINE = {
  unknown: /^IT-Störung (der|des|von) [^:]+: /,
  attack: /^(Nach )?Cyberangriff auf [^:]+: /,
  malfunction: /^Technische Störung (der|des|von) [^:]+: /,
};
const HEADLINE_PHASE = {
  investigating: /: Alle IT-Systeme (vorsorglich )?isoliert\n/,
  recovering: /: IT-Systeme werden schrittweise wieder in Betrieb genommen\n/,
  resolved: /: IT-Systeme wieder in Betrieb\n/,
};

async function renderBoth(t, name) {
  const out = tempDir(t);
  const r = await runInProcess([
    'render',
    fixture(name, 'incident.yaml'),
    '-o',
    out,
    '--variant',
    'press,email',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const read = (f) => readFileSync(join(out, name, f), 'utf8');
  return {
    press: read('press.de.txt'),
    email: read('email.de.txt'),
    emailHtml: read('email.de.html'),
  };
}

for (const status of STATUSES) {
  for (const phase of PHASES) {
    test(`${status} × ${phase}: press release and e-mail fit the facts`, async (t) => {
      const name = `${status}-${phase}`;
      const source = readFileSync(fixture(name, 'incident.yaml'), 'utf8');
      const { press, email, emailHtml } = await renderBoth(t, name);

      assert.match(press, HEADLINE[status]);
      assert.match(press, HEADLINE_PHASE[phase]);
      if (status === 'attack') assert.doesNotMatch(press, /vorsorglich/);
      assert.match(press, /\n\nStand: 10\. März 2026, 08:15 Uhr\n\n/);
      assert.match(email, /\(Stand: 10\. März 2026, 08:15 Uhr\)/);
      assert.match(
        emailHtml,
        phase === 'resolved'
          ? /<title>[^<]+: IT-Störung behoben \(Stand: 10\. März 2026, 08:15 Uhr\)<\/title>/
          : /<title>[^<]+: Information zur aktuellen IT-Störung \(Stand: 10\. März 2026, 08:15 Uhr\)<\/title>/,
      );

      for (const [variant, text] of [
        ['press', press],
        ['email', email],
      ]) {
        const where = `${name} ${variant}`;
        assert.doesNotMatch(text, LEFTOVER, where);
        assert.match(
          text,
          /Am 8\. März 2026, 22:40 Uhr haben (unsere|die) Monitoring-Systeme/,
          where,
        );

        const maybe = /Angriff oder eine Fehlfunktion|nicht ausschließen|nicht ausgeschlossen/;
        if (status === 'unknown') assert.match(text, maybe, where);
        else assert.doesNotMatch(text, maybe, where);
        // Told in the past tense once resolved (the wording audit, docs/wording.md).
        const tense = phase === 'resolved' ? 'handelte' : 'handelt';
        if (status === 'attack')
          assert.match(
            text,
            new RegExp(`Es ${tense} sich um einen kriminellen Cyberangriff\\.`),
            where,
          );
        else
          assert.doesNotMatch(text, /Es handelte? sich um einen kriminellen Cyberangriff/, where);
        if (status === 'malfunction')
          assert.match(text, /technische Fehlfunktion und nicht um einen Cyberangriff/, where);

        if (phase === 'investigating') {
          assert.match(text, /12\. März 2026/, where);
          assert.match(text, /Derzeit nicht verfügbar sind:|Während der Untersuchung/, where);
        } else {
          assert.doesNotMatch(text, /derzeit noch nicht|Derzeit nicht verfügbar/, where);
        }
        if (phase === 'recovering') assert.match(text, /schrittweise/, where);
        if (phase === 'resolved') {
          assert.doesNotMatch(
            text,
            /erwartet|rechnen damit|bis zum|Näheres wissen|umgehend informier/,
            where,
          );
          assert.match(text, /wieder in Betrieb/, where);
          assert.doesNotMatch(text, /Termin|verfügbar sind:/, where);
        }
        const crisisTeam = !/measures: \[(?![^\]]*crisis_team)/.test(source);
        assert.equal(/Krisenstab/.test(text), crisisTeam, `${where}: crisis team`);
        if (/crisis_team: 2026-03-09/.test(source) && crisisTeam)
          assert.match(text, /9\. März 2026/, where);
        assert.equal(
          /Maßnahmen (haben wir )?ergriffen|hat folgende Maßnahmen|haben folgende Maßnahmen/.test(
            text,
          ),
          !/measures: \[\]/.test(source),
          `${where}: measures`,
        );
      }

      // The appointment sentence addresses citizens: in the press release, never in the
      // e-mail to customers; never once the incident is resolved.
      const cancel = /cancel_appointments: true/.test(source) && phase !== 'resolved';
      assert.equal(/die einen Termin haben, werden gebeten/.test(press), cancel, 'appointments');
      assert.doesNotMatch(email, /Termin haben/);
      assert.match(email, /^Sehr geehrte Damen und Herren,\n\n(hiermit|wir)/);
      assert.match(email, /\n\nMit freundlichen Grüßen\n\nPressestelle\n/);
    });
  }
}
