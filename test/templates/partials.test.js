// Paragraphs that the FAQ, the press release and the e-mail share are partials of their language
// (templates/<lang>/partials/<name>.md.hbs): one sentence lives in one file, an overlay can
// replace a partial, and an error in a partial points into the partial.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderFiles } from '../../lib/api.js';
import { TemplateEngine, templateHash } from '../../lib/render/engine.js';
import { PRECOMPILED } from '../../lib/render/precompiled.js';
import { TemplateStore } from '../../lib/render/templates.js';
import { InputError } from '../../lib/shared.js';
import { EXAMPLE, ROOT, overlay, tempDir } from '../helpers.js';

const TEMPLATES = join(ROOT, 'templates');
const INVESTIGATING = 'Wir hoffen auf Ihr Verständnis und Ihre Geduld, während wir';

async function texts(templates) {
  const outcome = await renderFiles({
    files: [EXAMPLE],
    dryRun: true,
    formats: ['md'],
    ...(templates ? { templates } : {}),
  });
  return new Map(outcome.artifacts.map((a) => [a.path, Buffer.from(a.content).toString('utf8')]));
}

function filesContaining(text) {
  const found = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(TEMPLATES, rel), { withFileTypes: true })) {
      const path = `${rel}${entry.name}`;
      if (entry.isDirectory()) walk(`${path}/`);
      else if (readFileSync(join(TEMPLATES, path), 'utf8').includes(text)) found.push(path);
    }
  };
  walk('');
  return found;
}

test('each shared sentence lives in one file: the partial of its language', () => {
  for (const [text, partial] of [
    [INVESTIGATING, 'de/partials/regret.md.hbs'],
    ['We hope for your understanding and patience while we', 'en/partials/regret.md.hbs'],
    ['haben unsere Monitoring-Systeme ungewöhnliche', 'de/partials/what-happened.md.hbs'],
    ['Derzeit nicht verfügbar sind:', 'de/partials/affected.md.hbs'],
    ['Currently unavailable:', 'en/partials/affected.md.hbs'],
  ])
    assert.deepEqual(filesContaining(text), [partial], text);
  for (const variant of ['faq', 'press', 'email']) {
    const text = readFileSync(join(TEMPLATES, 'de', `${variant}.md.hbs`), 'utf8');
    assert.match(text, /\{\{> affected\}\}/, variant);
    assert.match(text, /\{\{> regret( quote=true)?\}\}/, variant);
  }
});

test('the example (investigating) shows the shared paragraphs in every variant', async () => {
  const all = await texts();
  for (const variant of ['faq', 'press', 'email']) {
    const text = all.get(`regio-it-2026-11/${variant}.de.md`);
    assert.ok(text.includes(INVESTIGATING), variant);
    assert.ok(text.includes('Derzeit nicht verfügbar sind:'), variant);
  }
  assert.match(all.get('regio-it-2026-11/press.de.md'), /„Wir bedauern [^“]+“, so die regio iT\./);
  assert.match(all.get('regio-it-2026-11/faq.de.md'), /\nWir bedauern [^„“\n]+untersuchen\.\n/);
});

test('--templates can replace a partial: every variant that includes it changes, nothing else', async (t) => {
  const rel = 'de/partials/regret.md.hbs';
  const builtin = readFileSync(join(TEMPLATES, rel), 'utf8');
  const changed = builtin.replaceAll(
    'Wir hoffen auf Ihr Verständnis',
    'Wir bitten um Ihr Verständnis',
  );
  assert.notEqual(changed, builtin);
  const before = await texts();
  const after = await texts(overlay(t, { [rel]: changed }));
  assert.deepEqual([...after.keys()], [...before.keys()]);
  for (const [path, text] of before) {
    const expected = text.replace(
      'Wir hoffen auf Ihr Verständnis',
      'Wir bitten um Ihr Verständnis',
    );
    assert.notEqual(expected, text, `${path} includes the partial`);
    assert.equal(after.get(path), expected, path);
  }
});

test('an overlay can add a partial of its own and use it in an overlaid template', async (t) => {
  const faq = readFileSync(join(TEMPLATES, 'de/faq.md.hbs'), 'utf8');
  const dir = overlay(t, {
    'de/partials/hotline.md.hbs': 'Hotline der {{org.name}}: 0241 123456\n',
    'de/faq.md.hbs': faq.replace('{{> affected}}\n', '{{> affected}}\n\n{{> hotline}}\n'),
  });
  const text = (await texts(dir)).get('regio-it-2026-11/faq.de.md');
  assert.match(text, /\n\nHotline der regio iT: 0241 123456\n\n/);
});

test('a missing field in a partial is reported at the partial, line and column', async (t) => {
  const dir = overlay(t, {
    'de/partials/affected.md.hbs': 'Zeile eins\n\nFax: {{org.contact.fax}}\n',
  });
  const error = await renderFiles({ files: [EXAMPLE], dryRun: true, templates: dir }).then(
    () => assert.fail('rendered'),
    (e) => e,
  );
  assert.ok(error instanceof InputError, String(error));
  const [d] = error.diagnostics;
  assert.match(d.file, /de\/partials\/affected\.md\.hbs$/);
  assert.equal(d.message, 'template uses "org.contact.fax", which this incident does not have');
  assert.equal(d.line, 3);
  assert.equal(d.col, 8, 'the column of the field, as for any template');
});

test('partials are precompiled, and an edited built-in partial is compiled from its new text', (t) => {
  const rel = 'de/partials/affected.md.hbs';
  const original = readFileSync(join(TEMPLATES, rel), 'utf8');
  assert.equal(PRECOMPILED[rel]?.sha256, templateHash(original), 'build is older than templates/');
  const dir = tempDir(t);
  cpSync(TEMPLATES, dir, { recursive: true });
  writeFileSync(join(dir, rel), 'Neu: {{org.name}}\n');
  const engine = new TemplateEngine(new TemplateStore(undefined, dir));
  assert.equal(engine.get(rel, 'markdown')({ org: { name: 'X' } }), 'Neu: X\n');
});
