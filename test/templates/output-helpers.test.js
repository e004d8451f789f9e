// `{{log …}}` in a template printed to stdout and broke --json and --stdout (issue 10, finding
// 17): a helper that writes output is a template error at its position, in overlays and in the
// build's precompile step alike.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { precompileTemplate } from '../../lib/render/engine.js';
import { EXAMPLE, ROOT, runInProcess, tempDir } from '../helpers.js';

const press = readFileSync(join(ROOT, 'templates/de/press.md.hbs'), 'utf8');

/** An overlay whose German press release calls `log` on line 2 of the template. */
function overlayWithLog(t) {
  const dir = tempDir(t, 'faq-overlay-');
  mkdirSync(join(dir, 'de'), { recursive: true });
  writeFileSync(
    join(dir, 'de/press.md.hbs'),
    `{{!-- x --}}\n  {{log "geheim" level="error"}}\n${press}`,
  );
  return dir;
}

test('{{log}} in an overlay is a template error at its position, with --json', async (t) => {
  const templates = overlayWithLog(t);
  const out = join(tempDir(t), 'out');
  const r = await runInProcess(['render', EXAMPLE, '-o', out, '--templates', templates, '--json']);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout); // nothing but the report on stdout
  assert.equal(report.ok, false);
  const [d] = report.diagnostics;
  assert.equal(report.diagnostics.length, 1);
  assert.match(d.file, /de[/\\]press\.md\.hbs$/);
  assert.deepEqual([d.line, d.col], [2, 3]);
  assert.match(d.message, /\{\{log\}\}/);
  assert.ok(d.hint);
  assert.doesNotMatch(r.stdout + r.stderr, /geheim/);
});

test('{{log}} in an overlay never reaches stdout with --stdout either', async (t) => {
  const templates = overlayWithLog(t);
  const args = ['render', EXAMPLE, '--templates', templates, '--variant', 'press'];
  const r = await runInProcess([...args, '--format', 'md', '--stdout']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /press\.md\.hbs:2:3: error: .*\{\{log\}\}/);
  assert.doesNotMatch(r.stderr, /geheim/);
});

test('the build refuses to precompile a template that calls log, as block or subexpression', () => {
  for (const [text, at] of [
    ['a {{log "x"}}', [1, 3]],
    ['a\n{{#log "x"}}b{{/log}}', [2, 1]],
    ['{{#if (log "x")}}b{{/if}}', [1, 7]],
  ]) {
    assert.throws(
      () => precompileTemplate(text, 'markdown', 'templates/de/x.md.hbs'),
      (error) => {
        const [d] = error.diagnostics;
        assert.deepEqual([d.line, d.col], at, text);
        assert.match(d.message, /\{\{log\}\}/);
        return true;
      },
    );
  }
  // A field that merely starts with "log" is not the helper.
  assert.ok(precompileTemplate('{{logo}} {{org.log}}', 'markdown', 'templates/de/x.md.hbs'));
});
