// --templates DIR: a file at the same relative path replaces the built-in one; everything else
// still comes from the built-in templates.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, ROOT, listFiles, overlay, runInProcess, tempDir } from '../helpers.js';

const ID = 'regio-it-2026-11';
const BUILTIN = join(ROOT, 'templates');
const SENTENCE = 'Die Öffentlichkeit wird dann umgehend informiert.';
const CHANGED = 'Die Öffentlichkeit wird dann auf einer Pressekonferenz informiert.';

async function render(t, args) {
  const out = tempDir(t);
  const r = await runInProcess(['render', EXAMPLE, '-o', out, ...args]);
  return { ...r, dir: join(out, ID) };
}

const builtin = (rel) => readFileSync(join(BUILTIN, rel), 'utf8');

test('one changed template changes exactly that text; every other artifact is the built-in one', async (t) => {
  const press = builtin('de/press.md.hbs');
  assert.ok(press.includes(SENTENCE));
  const dir = overlay(t, { 'de/press.md.hbs': press.replace(SENTENCE, CHANGED) });
  const plain = await render(t, []);
  const custom = await render(t, ['--templates', dir]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(custom.code, 0, custom.stderr);
  const files = listFiles(plain.dir);
  assert.deepEqual(listFiles(custom.dir), files);
  for (const file of files) {
    if (file === 'manifest.json') continue;
    const a = readFileSync(join(plain.dir, file), 'utf8');
    const b = readFileSync(join(custom.dir, file), 'utf8');
    if (file.startsWith('press.de.')) {
      assert.ok(a.includes(SENTENCE) && b.includes(CHANGED) && !b.includes(SENTENCE), file);
      assert.equal(b, a.replace(SENTENCE, CHANGED), `${file}: only the sentence changed`);
    } else {
      assert.equal(b, a, `${file} comes from the built-in templates`);
    }
  }
});

test('an overlay layout stylesheet changes the e-mail HTML (inlined) and nothing else', async (t) => {
  const css = builtin('layouts/email.css').replace('color: #0b4f8a;', 'color: #5a1a7a;');
  const dir = overlay(t, { 'layouts/email.css': css });
  const r = await render(t, ['--templates', dir, '--variant', 'email,faq', '--format', 'html']);
  assert.equal(r.code, 0, r.stderr);
  const email = readFileSync(join(r.dir, 'email.de.html'), 'utf8');
  assert.match(email, /<a href="https:\/\/www\.regioit\.de" style="color: #5a1a7a;/);
  assert.doesNotMatch(readFileSync(join(r.dir, 'faq.de.html'), 'utf8'), /#5a1a7a/);
});

test('a broken overlay template is an error at its own file and line, and nothing is written', async (t) => {
  const email = builtin('de/email.md.hbs');
  const lines = email.split('\n');
  const at = lines.findIndex((l) => l.startsWith('hiermit informieren wir Sie'));
  lines[at] = `${lines[at]} Ihr Ansprechpartner: {{org.contact.fax}}.`;
  const dir = overlay(t, { 'de/email.md.hbs': lines.join('\n') });
  const r = await render(t, ['--templates', dir]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(
    r.stderr,
    new RegExp(`de/email\\.md\\.hbs:${at + 1}:\\d+: error: template uses "org\\.contact\\.fax"`),
  );
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assert.throws(() => listFiles(r.dir), /ENOENT/);

  const syntax = overlay(t, { 'de/press.md.hbs': '# Titel\n\n{{#if is.attack}}Angriff\n' });
  const s = await render(t, ['--templates', syntax]);
  assert.equal(s.code, 1);
  assert.match(s.stderr, /de\/press\.md\.hbs:\d+:\d+: error: template syntax/);
});

test('an overlay variants.json with its own template adds a variant next to the built-in ones', async (t) => {
  const variants = JSON.parse(builtin('variants.json'));
  variants.notice = { formats: ['txt', 'html'], layout: 'page' };
  const dir = overlay(t, {
    'variants.json': JSON.stringify(variants, null, 2),
    'de/notice.md.hbs':
      '# Aushang\n\nStand: {{updated.text}}\n\n{{org.Nom}} {{org.is}} derzeit nicht erreichbar.\n',
  });
  const r = await render(t, ['--templates', dir]);
  assert.equal(r.code, 0, r.stderr);
  const files = listFiles(r.dir);
  assert.ok(files.includes('notice.de.txt') && files.includes('notice.de.html'), files.join());
  assert.ok(
    files.includes('faq.de.html') && files.includes('email.de.eml'),
    'built-ins still render',
  );
  assert.equal(
    readFileSync(join(r.dir, 'notice.de.txt'), 'utf8'),
    'Aushang\n\nStand: 26. November 2026, 15:00 Uhr\n\nDie regio iT ist derzeit nicht erreichbar.\n',
  );
  const only = await runInProcess([
    'render',
    EXAMPLE,
    '--templates',
    dir,
    '--variant',
    'notice',
    '--format',
    'txt',
    '--stdout',
  ]);
  assert.equal(only.code, 0, only.stderr);
  assert.match(only.stdout, /^Aushang\n/);
});
