// An unexpected failure inside faq is a bug: one line asking for a report, exit 70, and the stack
// only with --debug or DEBUG. The fault is injected from outside the product — a module preloaded
// with `node --import` breaks node:crypto — so faq has no test-only switch for it.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CommanderError } from 'commander';
import { isDebug, reportError } from '../../lib/cli/report-error.js';
import { InputError, InterruptedError, OutputError, UsageError } from '../../lib/shared.js';
import { EXAMPLE, ROOT, runCli, runInProcess, startCli, tempDir } from '../helpers.js';

const PRELOAD = join(ROOT, 'test', 'fixtures', 'hostile', 'internal-error', 'break-hashing.mjs');
const broken = (extra = {}) => ({ env: { NODE_OPTIONS: `--import=${PRELOAD}`, ...extra } });

test('an internal error: exit 70, one line asking for a bug report, no stack, nothing written', (t) => {
  const out = join(tempDir(t), 'out');
  const r = runCli(['render', EXAMPLE, '-o', out], broken());
  assert.equal(r.code, 70, r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, r.stderr);
  assert.match(
    lines[0],
    /^faq: error: internal error \(TypeError\): simulated bug: hashing is broken \(hint: this is a bug in faq; please report it .*--debug/,
  );
  assert.doesNotMatch(r.stderr, /second line|^\s+at /m);
  assert.equal(existsSync(out), false);
});

test('--debug and DEBUG=1 add the stack; DEBUG=0 does not', (t) => {
  const out = join(tempDir(t), 'out');
  for (const [args, env, stack] of [
    [['--debug', 'render', EXAMPLE, '-o', out], {}, true],
    [['render', EXAMPLE, '-o', out, '--debug'], {}, true],
    [['render', EXAMPLE, '-o', out], { DEBUG: '1' }, true],
    [['render', EXAMPLE, '-o', out], { DEBUG: '0' }, false],
  ]) {
    const r = runCli(args, broken(env));
    assert.equal(r.code, 70, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^faq: error: internal error \(TypeError\)/);
    if (stack) assert.match(r.stderr, /^\s+at .*break-hashing\.mjs/m, args.join(' '));
    else assert.doesNotMatch(r.stderr, /^\s+at /m);
  }
});

test('bad input under --debug is still one diagnostic per problem, never a stack', async () => {
  const r = await runInProcess([
    '--debug',
    'check',
    'test/fixtures/hostile/rejected/alias-bomb-billion-laughs/incident.yaml',
  ]);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
});

/** Calls reportError with stderr captured. */
function report(error, options) {
  const write = process.stderr.write;
  let text = '';
  process.stderr.write = (chunk) => {
    text += chunk;
    return true;
  };
  try {
    return { code: reportError(error, options), text };
  } finally {
    process.stderr.write = write;
  }
}

test('reportError maps every kind of error to its exit code and one line', () => {
  const cases = [
    [
      new UsageError('unknown format "pdf"', 'valid: html, md, txt, eml'),
      2,
      /unknown format "pdf" \(hint: valid:/,
    ],
    [
      new InputError([
        { file: 'a.yaml', line: 3, col: 5, severity: 'error', path: 'id', message: 'bad' },
      ]),
      1,
      /^a\.yaml:3:5: error: id: bad$/,
    ],
    [new OutputError('cannot create the output folder x'), 1, /cannot create the output folder x/],
    [new InterruptedError('SIGINT'), 130, /interrupted by SIGINT/],
    [new InterruptedError('SIGTERM'), 143, /interrupted by SIGTERM/],
    [new CommanderError(1, 'commander.unknownOption', 'x'), 2, /^$/],
    [
      new RangeError('Maximum call stack size exceeded\nmore'),
      70,
      /internal error \(RangeError\): Maximum call stack size exceeded \(hint: this is a bug in faq/,
    ],
    ['a thrown string', 70, /internal error \(string\): a thrown string/],
    [undefined, 70, /internal error \(undefined\)/],
  ];
  for (const [error, code, output] of cases) {
    const r = report(error, { debug: false });
    assert.equal(r.code, code, String(error));
    assert.match(r.text.trim(), output, String(error));
    assert.ok(r.text.split('\n').filter(Boolean).length <= 1, r.text);
  }
  const debug = report(new TypeError('boom'), { debug: true });
  assert.match(debug.text, /^TypeError: boom\n\s+at /m);
});

test('isDebug: --debug, or DEBUG set to something other than 0/false/no', () => {
  const saved = process.env.DEBUG;
  try {
    delete process.env.DEBUG;
    assert.equal(isDebug(['node', 'faq', 'render']), false);
    assert.equal(isDebug(['node', 'faq', '--debug', 'render']), true);
    for (const [value, expected] of [
      ['1', true],
      ['faq', true],
      ['0', false],
      ['false', false],
      ['', false],
    ]) {
      process.env.DEBUG = value;
      assert.equal(isDebug(['node', 'faq']), expected, `DEBUG=${value}`);
    }
  } finally {
    if (saved === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = saved;
  }
});

test('a reader that closes stdout early (`| head`) ends faq quietly, not as a bug', async (t) => {
  const file = join(tempDir(t), 'long.yaml');
  const paragraphs = Array.from({ length: 6000 }, (_, i) => `      Absatz ${i} mit etwas Text.\n`);
  writeFileSync(
    file,
    [
      'updated: 2026-11-26T15:00',
      'organization: { name: regio iT }',
      'incident: { status: unknown, detected: 2026-11-24, findings_expected: 2026-11-28 }',
      'questions:',
      '  - question: Lang?',
      '    answer: |',
      ...paragraphs,
    ].join('\n'),
  );
  const child = startCli(['render', file, '--variant', 'faq', '--format', 'txt', '--stdout']);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
