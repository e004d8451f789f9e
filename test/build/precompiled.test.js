// Templates precompiled at build time must give exactly what a run-time compile gives, and must
// never be used for a template whose text differs from the one they were compiled from.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderFiles } from '../../lib/api.js';
import { TemplateEngine, templateHash } from '../../lib/render/engine.js';
import { PRECOMPILED } from '../../lib/render/precompiled.js';
import { TemplateStore } from '../../lib/render/templates.js';
import { EXAMPLE, FIXTURES, ROOT, runCli, runInProcess, tempDir } from '../helpers.js';

const TEMPLATES = join(ROOT, 'templates');
const INCIDENTS = [
  EXAMPLE,
  ...readdirSync(FIXTURES)
    .map((name) => join(FIXTURES, name, 'incident.yaml'))
    .filter((file) => {
      try {
        return readFileSync(file).length > 0;
      } catch {
        return false;
      }
    }),
];

function templateFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? templateFiles(dir, `${prefix}${e.name}/`)
      : e.name.endsWith('.hbs')
        ? [`${prefix}${e.name}`]
        : [],
  );
}

/** Every incident's artifacts, rendered in one run in this thread (one engine, one compile). */
async function renderAll(templates) {
  const workers = process.env.FAQ_WORKERS;
  process.env.FAQ_WORKERS = '0';
  try {
    const outcome = await renderFiles({
      files: INCIDENTS,
      dryRun: true,
      ...(templates ? { templates } : {}),
    });
    return outcome.artifacts.map((a) => [a.path, Buffer.from(a.content).toString()]);
  } catch (error) {
    return `${error.name}: ${error.message}`;
  } finally {
    if (workers === undefined) delete process.env.FAQ_WORKERS;
    else process.env.FAQ_WORKERS = workers;
  }
}

test('the build precompiled every built-in template', () => {
  const files = templateFiles(TEMPLATES);
  assert.ok(files.length >= 4, files.join(', '));
  for (const rel of files) {
    const entry = PRECOMPILED[rel];
    assert.ok(entry, `${rel} is not precompiled (run npm run build)`);
    assert.equal(entry.kind, rel.endsWith('.html.hbs') ? 'html' : 'markdown', rel);
  }
});

test('precompiled templates render byte for byte what a run-time compile renders', async (t) => {
  // An overlay with every template plus a comment: different text, so each one is compiled at
  // run time, with the same output.
  const overlay = tempDir(t);
  cpSync(TEMPLATES, overlay, { recursive: true });
  for (const rel of templateFiles(overlay)) {
    const path = join(overlay, rel);
    writeFileSync(path, `${readFileSync(path, 'utf8')}{{!-- compiled at run time --}}`);
  }
  const precompiled = await renderAll();
  const runtime = await renderAll(overlay);
  assert.ok(Array.isArray(precompiled), precompiled);
  assert.ok(precompiled.length >= 9 * INCIDENTS.length, `${precompiled.length} artifacts`);
  assert.deepEqual(runtime, precompiled);
});

test('an edited built-in template is compiled from its new text, never from the stale build', (t) => {
  const dir = tempDir(t);
  cpSync(TEMPLATES, dir, { recursive: true });
  const rel = 'de/faq.md.hbs';
  const original = readFileSync(join(dir, rel), 'utf8');
  assert.equal(PRECOMPILED[rel].sha256, templateHash(original), 'build is older than templates/');
  writeFileSync(join(dir, rel), '# Geänderte Überschrift {{organization.name}}\n');
  const engine = new TemplateEngine(new TemplateStore(undefined, dir));
  const render = engine.get(rel, 'markdown');
  assert.throws(() => render({}), /template uses "/);
  assert.equal(render({ organization: { name: 'X' } }), '# Geänderte Überschrift X\n');
});

test('an edited built-in template with a seed placeholder fails as before', (t) => {
  const dir = tempDir(t);
  cpSync(TEMPLATES, dir, { recursive: true });
  writeFileSync(join(dir, 'de/faq.md.hbs'), 'Stand: DATUM\n');
  const engine = new TemplateEngine(new TemplateStore(undefined, dir));
  assert.throws(
    () => engine.get('de/faq.md.hbs', 'markdown'),
    (error) =>
      error.name === 'InputError' &&
      error.diagnostics[0].message === 'template contains the placeholder "DATUM"' &&
      error.diagnostics[0].line === 1 &&
      error.diagnostics[0].col === 8,
  );
});

test('--version, -V, --help and -h print exactly what the CLI itself prints', async () => {
  const printed = {};
  for (const flag of ['--version', '-V', '--help', '-h']) {
    // The bin's answer from the build's record (a process: that is the bin's fast path), and the
    // CLI's own, in process.
    const fast = runCli([flag]);
    printed[flag] = fast.stdout;
    const cli = await runInProcess([flag]);
    assert.equal(fast.code, 0, flag);
    assert.equal(fast.stdout, cli.stdout, flag);
    assert.equal(fast.stderr, cli.stderr, flag);
    assert.equal(fast.code, cli.code, flag);
  }
  assert.match(printed['--version'], /^\d+\.\d+\.\d+\n$/);
  assert.match(printed['--help'], /Usage: faq /);
});
