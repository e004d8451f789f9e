// Messages that named the wrong cause or place (issue 10, finding 18): UTF-32, CR-only line
// endings, lone surrogates, umlaut domains, id collisions, init below a file, "1 files".
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkIncident, renderFiles } from '../../lib/api.js';
import { runInit } from '../../lib/commands/init.js';
import { parseIncidentSource } from '../../lib/incident/load.js';
import { EXAMPLE, runInProcess, tempDir } from '../helpers.js';

const example = readFileSync(EXAMPLE, 'utf8');

test('UTF-32 is named UTF-32, with or without a byte order mark; UTF-16 stays UTF-16', () => {
  const utf32le = Buffer.alloc(example.length * 4);
  for (let i = 0; i < example.length; i++) utf32le.writeUInt32LE(example.charCodeAt(i), i * 4);
  const utf32be = Buffer.from(utf32le);
  for (let i = 0; i < utf32be.length; i += 4) utf32be.subarray(i, i + 4).reverse();
  const bomLe = Buffer.from([0xff, 0xfe, 0, 0]);
  const bomBe = Buffer.from([0, 0, 0xfe, 0xff]);
  for (const bytes of [
    Buffer.concat([bomLe, utf32le]),
    Buffer.concat([bomBe, utf32be]),
    utf32le,
    utf32be,
  ]) {
    const r = parseIncidentSource('x.yaml', bytes);
    assert.equal(r.ok, false);
    assert.equal(r.diagnostics[0].message, 'is UTF-32 text, not UTF-8');
  }
  for (const bytes of [
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(example, 'utf16le')]),
    Buffer.from(example, 'utf16le'),
  ]) {
    const r = parseIncidentSource('x.yaml', bytes);
    assert.equal(r.diagnostics[0].message, 'is UTF-16 text, not UTF-8');
  }
});

test('CR-only line endings (old Mac) are read as line breaks, positions included', async () => {
  const ok = await checkIncident('cr.yaml', { source: Buffer.from(example.replace(/\n/g, '\r')) });
  assert.deepEqual(ok.diagnostics, []);
  assert.equal(ok.incident.organization.name, 'regio iT');
  const bad = example.replace('status: unknown', 'status: unknwn').replace(/\n/g, '\r');
  const { diagnostics } = await checkIncident('cr.yaml', { source: Buffer.from(bad) });
  assert.equal(diagnostics.length, 1);
  const line = example.split('\n').findIndex((l) => l.includes('status: unknown')) + 1;
  assert.deepEqual([diagnostics[0].line, diagnostics[0].col], [line, 11]);
  assert.match(diagnostics[0].hint, /unknown/);
});

test('a lone surrogate escape is an error at the escape, a pair is a character', async () => {
  const source = (name) =>
    // short_name: the notices do not use the name (an emoji would make the SMS UCS-2, too long).
    Buffer.from(
      example.replace('  name: regio iT ', `  short_name: regio iT\n  name: "regio ${name} iT" `),
    );
  for (const escape of ['\\uD800', '\\udc00', '\\uD83D x']) {
    const { diagnostics } = await checkIncident('s.yaml', { source: source(escape) });
    assert.equal(diagnostics.length, 1, escape);
    assert.match(diagnostics[0].message, /half of a surrogate pair/);
    const line = example.split('\n').findIndex((l) => l.startsWith('  name: regio iT')) + 2;
    assert.deepEqual([diagnostics[0].line, diagnostics[0].col], [line, 16]);
  }
  const pair = await checkIncident('s.yaml', { source: source('\\uD83D\\uDE00') });
  assert.deepEqual(pair.diagnostics, []);
  assert.equal(pair.incident.organization.name, 'regio 😀 iT');
});

test('an e-mail address with an umlaut domain gets its ASCII (punycode) form as the hint', async () => {
  const text = example.replace('presse@regioit.de', 'presse@stadtwerke-düren.de');
  const { diagnostics } = await checkIncident('u.yaml', { source: Buffer.from(text) });
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].path, 'organization.contact.email');
  assert.match(diagnostics[0].hint, /presse@xn--stadtwerke-dren-\w+\.de/);
});

test("an id used by two files of a batch is reported at the second file's id", async (t) => {
  const dir = tempDir(t);
  const [a, b] = [join(dir, 'a.yaml'), join(dir, 'b.yaml')];
  writeFileSync(a, example);
  writeFileSync(b, `# a comment first\n${example}`);
  await assert.rejects(renderFiles({ files: [a, b], dryRun: true }), (error) => {
    const d = error.diagnostics.find((x) => /is also used by/.test(x.message));
    const line = example.split('\n').findIndex((l) => l.startsWith('id: ')) + 2;
    assert.equal(d.file, b);
    assert.deepEqual([d.line, d.col], [line, 5]);
    return true;
  });
});

test('init below a file says the file is in the way, also with --force', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'file'), 'x');
  for (const force of [true, false]) {
    await assert.rejects(
      runInit(join(dir, 'file', 'x.yaml'), { lang: 'de', force, quiet: true }),
      (error) => {
        assert.match(error.message, /file is a file, not a folder/);
        assert.doesNotMatch(`${error.message} ${error.hint}`, /already exists|--force` to/);
        return true;
      },
    );
  }
  assert.equal(readFileSync(join(dir, 'file'), 'utf8'), 'x');
});

test('one written artifact is "1 file"', async (t) => {
  const out = tempDir(t);
  const r = await runInProcess(
    ['render', EXAMPLE, '-o', out, '--variant', 'faq', '--format', 'md'],
    {
      env: { FAQ_CACHE: '0' },
    },
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^faq: wrote 1 file to /m);
});

test('a missing file is "file not found: x.yaml", without a position it does not have', async (t) => {
  const r = await runInProcess(['check', 'x.yaml'], { cwd: tempDir(t) });
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr,
    'faq: error: file not found: x.yaml (hint: check the path and permissions)\n',
  );
  const { diagnostics } = await checkIncident('x.yaml');
  assert.deepEqual([diagnostics[0].line, diagnostics[0].col], [0, 0]);
});
