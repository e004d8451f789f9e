import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { fillStarter, idForFile, starterDates } from '../../lib/init/starter.js';
import { LEFTOVER, ROOT, listFiles, runCli, runInProcess, tempDir } from '../helpers.js';

/** The variants a fresh starter has: those without `when` (no data_protection, not resolved, no leicht). */
const VARIANTS = Object.entries(JSON.parse(readFileSync(join(ROOT, 'templates/variants.json'))))
  .filter(([, config]) => !config.when && config.renderedWith === undefined && !config.perCustomer)
  .map(([name, config]) => [name, config.perLanguage !== false]);
const DAY = 24 * 60 * 60 * 1000;

/** Calendar days from a YYYY-MM-DD text to another. */
const daysBetween = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

/** init → check → render in a fresh folder, as a new user does it. */
async function initCheckRender(t, lang) {
  const dir = tempDir(t);
  const init = runCli(['init', 'x.yaml', '--lang', lang], { cwd: dir });
  assert.equal(init.code, 0, init.stderr);
  assert.equal(init.stdout, '');
  assert.match(init.stderr, /wrote x\.yaml/);
  const check = await runInProcess(['check', 'x.yaml'], { cwd: dir });
  assert.equal(check.code, 0, check.stderr);
  assert.doesNotMatch(check.stderr, /warning|error/, 'no warnings either');
  const render = await runInProcess(['render', 'x.yaml'], { cwd: dir });
  assert.equal(render.code, 0, render.stderr);
  assert.doesNotMatch(render.stderr, /warning/);
  const files = listFiles(join(dir, 'dist'));
  for (const [variant, perLanguage] of VARIANTS) {
    // status.json is one file per incident, not one per language.
    const stem = perLanguage ? `x/${variant}.${lang}.` : `x/${variant}.`;
    assert.ok(
      files.some((f) => f.startsWith(stem)),
      `${variant} rendered: ${files.join(', ')}`,
    );
  }
  assert.ok(files.includes(`x/email.${lang}.eml`), 'the e-mail has a sender, so .eml is written');
  for (const f of files) {
    assert.doesNotMatch(readFileSync(join(dir, 'dist', f), 'utf8'), LEFTOVER, f);
  }
  return { dir, text: readFileSync(join(dir, 'x.yaml'), 'utf8') };
}

test('init → check → render works, in German, with every variant', async (t) => {
  const { text } = await initCheckRender(t, 'de');
  const data = parse(text);
  assert.equal(data.lang, 'de');
  assert.equal(data.id, 'x');
  assert.match(text, /^# Vorfall-Datei für faq/);
});

test('init --lang en writes an English starter that renders as it is', async (t) => {
  const { dir, text } = await initCheckRender(t, 'en');
  const data = parse(text);
  assert.equal(data.lang, 'en');
  assert.match(text, /^# Incident file for faq/);
  const faq = readFileSync(join(dir, 'dist/x/faq.en.txt'), 'utf8');
  assert.match(faq, /Example IT/);
});

test('the starter is dated today, with findings expected a few days later', async (t) => {
  const dir = tempDir(t);
  const before = Date.now();
  assert.equal((await runInProcess(['init', 'x.yaml'], { cwd: dir })).code, 0);
  const data = parse(readFileSync(join(dir, 'x.yaml'), 'utf8'));
  const { detected, crisis_team, findings_expected } = data.incident;
  // Today in Europe/Berlin is within a day of today in UTC, whatever the hour.
  const utcToday = new Date(before).toISOString().slice(0, 10);
  assert.ok(Math.abs(daysBetween(utcToday, detected)) <= 1, `${detected} is today`);
  assert.equal(crisis_team, detected);
  assert.equal(data.updated.slice(0, 10), detected);
  assert.match(data.updated, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  assert.equal(daysBetween(detected, findings_expected), 3);
});

test('a second init refuses to overwrite; --force overwrites', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'x.yaml');
  assert.equal((await runInProcess(['init', 'x.yaml'], { cwd: dir })).code, 0);
  writeFileSync(file, 'my edits\n');
  const again = await runInProcess(['init', 'x.yaml'], { cwd: dir });
  assert.equal(again.code, 1);
  assert.equal(again.stdout, '');
  assert.match(again.stderr, /x\.yaml already exists; nothing was changed/);
  assert.match(again.stderr, /hint: .*--force/);
  assert.equal(readFileSync(file, 'utf8'), 'my edits\n', 'nothing changed');
  const forced = await runInProcess(['init', 'x.yaml', '--force', '--quiet'], { cwd: dir });
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(forced.stderr, '', '--quiet prints nothing');
  assert.match(readFileSync(file, 'utf8'), /^# Vorfall-Datei/);
});

test('init creates missing folders and makes an id of any file name', async (t) => {
  const dir = tempDir(t);
  const r = await runInProcess(['init', 'incidents/2026/Störung Rechenzentrum.yaml'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const file = join(dir, 'incidents/2026/Störung Rechenzentrum.yaml');
  const text = readFileSync(file, 'utf8');
  assert.equal(parse(text).id, 'stoerung-rechenzentrum');
  // The comments name the file so that the commands can be pasted into a shell.
  assert.match(text, /faq check 'incidents\/2026\/Störung Rechenzentrum\.yaml'/);
  const check = await runInProcess(['check', file]);
  assert.equal(check.code, 0, check.stderr);
});

test('init - prints the starter to stdout and writes nothing', async (t) => {
  const dir = tempDir(t);
  const r = await runInProcess(['init', '-', '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(parse(r.stdout).lang, 'en');
  assert.deepEqual(listFiles(dir), []);
});

test('an unknown starter language is a usage error naming the choices', async (t) => {
  const dir = tempDir(t);
  const r = await runInProcess(['init', 'x.yaml', '--lang', 'fr'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Allowed choices are de, en/);
  assert.equal(existsSync(join(dir, 'x.yaml')), false);
});

test('the editor modeline is written only when the schema file it names exists', async (t) => {
  const modeline = /^\s*#\s+yaml-language-server\s*:/m; // what the YAML language server looks for
  const dir = tempDir(t);
  assert.equal((await runInProcess(['init', 'a.yaml'], { cwd: dir })).code, 0);
  assert.doesNotMatch(readFileSync(join(dir, 'a.yaml'), 'utf8'), modeline);
  writeFileSync(join(dir, 'incident.schema.json'), (await runInProcess(['schema'])).stdout);
  assert.equal((await runInProcess(['init', 'b.yaml'], { cwd: dir })).code, 0);
  const text = readFileSync(join(dir, 'b.yaml'), 'utf8');
  assert.equal(text.split('\n')[0], '# yaml-language-server: $schema=./incident.schema.json');
  assert.equal((await runInProcess(['check', join(dir, 'b.yaml')])).code, 0);
});

test('the starters mention every key of the incident file, with a comment', async () => {
  const schema = JSON.parse((await runInProcess(['schema'])).stdout);
  const keys = new Set();
  const walk = (node) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (!['de', 'en'].includes(key)) keys.add(key);
      walk(child);
    }
    if (node.items) walk(node.items);
    for (const branch of node.anyOf ?? []) walk(branch);
  };
  walk(schema);
  assert.ok(keys.size > 30);
  for (const lang of ['de', 'en']) {
    const text = readFileSync(join(ROOT, 'templates', lang, 'starter.yaml'), 'utf8');
    for (const key of keys) {
      const line = text.split('\n').find((l) => new RegExp(`^[#\\s-]*(- )?${key}:`).test(l));
      assert.ok(line, `${lang}: key "${key}" appears`);
    }
    // organization.grammar is explained, not just present.
    assert.match(text, /gender: feminine # feminine .*masculine .*neuter .*plural .*none/);
  }
});

test('starter dates: the Berlin calendar day, across a year boundary', () => {
  // 23:30 UTC on 30 December is 00:30 on 31 December in Berlin.
  const dates = starterDates(new Date('2026-12-30T23:30:00Z'));
  assert.deepEqual(dates, {
    today: '2026-12-31',
    now: '2026-12-31T00:30',
    findings: '2027-01-03',
  });
  assert.equal(starterDates(new Date('2026-07-01T10:05:00Z')).now, '2026-07-01T12:05');
});

test('fillStarter replaces every token; idForFile keeps valid names', () => {
  const text = fillStarter('id: __ID__ # __FILE__ __TODAY__ __NOW__ __FINDINGS__ __OTHER__', {
    file: 'dir/2026-11.yaml',
    dates: { today: 'T', now: 'N', findings: 'F' },
  });
  assert.equal(text, 'id: 2026-11 # dir/2026-11.yaml T N F __OTHER__');
  assert.equal(idForFile('Incident.YML'), 'incident');
  assert.equal(idForFile('...yaml'), 'incident');
  for (const lang of ['de', 'en']) {
    const template = readFileSync(join(ROOT, 'templates', lang, 'starter.yaml'), 'utf8');
    const filled = fillStarter(template, {
      file: 'x.yaml',
      dates: starterDates(new Date('2026-11-27T12:00:00Z')),
    });
    assert.doesNotMatch(filled, /__[A-Z]+__/, `${lang}: no token left`);
  }
});
