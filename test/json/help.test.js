import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, runInProcess } from '../helpers.js';

const COMMANDS = ['render', 'check', 'init', 'schema', 'preview', 'diff'];

test('--help of every command starts with examples and exits 0 on stdout', async () => {
  for (const command of [undefined, ...COMMANDS]) {
    const args = command ? [command, '--help'] : ['--help'];
    // `faq --help` is answered by bin/faq.js itself (lib/cli-meta.json): a process; a command's
    // help comes from the CLI, in process.
    const r = command ? await runInProcess(args) : runCli(args);
    assert.equal(r.code, 0, args.join(' '));
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^Examples:\n {2}(faq|git) /, args.join(' '));
    const examples = r.stdout.split('\n\n')[0].split('\n').slice(1);
    assert.ok(examples.length >= 2, `${args.join(' ')}: at least two examples`);
    for (const line of examples) assert.match(line, / {2}# \S/, `explained: ${line}`);
    assert.match(r.stdout, /Usage: faq/);
  }
  assert.equal((await runInProcess(['help', 'diff'])).code, 0);
});

test('a mistyped command suggests the right one and exits 2', async () => {
  for (const [typo, right] of [
    ['rendr', 'render'],
    ['chek', 'check'],
    ['schmea', 'schema'],
    ['dif', 'diff'],
  ]) {
    const r = await runInProcess([typo, 'x.yaml']);
    assert.equal(r.code, 2, typo);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      new RegExp(
        `^faq: error: unknown command '${typo}' \\(hint: did you mean \`${right}\`\\? see \`faq --help\`\\)\\n$`,
      ),
    );
  }
});

test('a mistyped option suggests the right one and exits 2', async () => {
  for (const [args, right] of [
    [['render', 'x.yaml', '--varient', 'faq'], '--variant'],
    [['check', 'x.yaml', '--jsn'], '--json'],
    [['init', '--forse'], '--force'],
    [['diff', 'a', 'b', '--qiuet'], '--quiet'],
  ]) {
    const r = await runInProcess(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(
      r.stderr,
      new RegExp(`did you mean \`${right}\`\\? see \`faq ${args[0]} --help\``),
    );
    assert.equal(r.stderr.split('\n').length, 2, 'one line');
  }
});

test('faq without a command prints the help to stderr as a usage error', () => {
  const r = runCli([]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^Examples:/);
});

test('a missing argument names the command help', async () => {
  const r = await runInProcess(['render']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing required argument 'file' \(hint: see `faq render --help`\)/);
});
