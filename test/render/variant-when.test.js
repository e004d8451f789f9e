// A variant that exists only when the incident allows it (variants.json `when`, issue 17): a key
// the file must have, or the statuses and phases it exists in. Checked when the templates are read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderFiles } from '../../lib/api.js';
import { EXAMPLE, fixture, overlay, runInProcess } from '../helpers.js';

const FAQ = { formats: ['md'] };

test('variants.json refuses a `when` that names no key path, status or phase', async (t) => {
  for (const [when, hint] of [
    [{ has: 'data_protektion' }, /"when" must be an object with "has"/],
    [{ phase: ['done'] }, /"phase" \(some of investigating, recovering, resolved\)/],
    [{ status: [] }, /"when" must be/],
    [{}, /"when" must be/],
    [{ phase: ['resolved'], after: 'x' }, /"when" must be/],
  ]) {
    const dir = overlay(t, { 'variants.json': JSON.stringify({ faq: { ...FAQ, when } }) });
    const r = await runInProcess(['render', EXAMPLE, '--templates', dir, '--stdout']);
    assert.equal(r.code, 1, JSON.stringify(when));
    assert.match(r.stderr, /variants\.json:1:1: error: variant "faq": /, JSON.stringify(when));
    assert.match(r.stderr, hint, JSON.stringify(when));
  }
  const dir = overlay(t, {
    'variants.json': JSON.stringify({ faq: { ...FAQ, itemTable: 'yes' } }),
  });
  const r = await runInProcess(['render', EXAMPLE, '--templates', dir, '--stdout']);
  assert.match(r.stderr, /"itemTable" must be true or false/);
});

test('an own variant with `when` exists in the moments it names, by status too', async (t) => {
  const dir = overlay(t, {
    'variants.json': JSON.stringify({
      faq: FAQ,
      attack: {
        formats: ['md'],
        when: { status: ['attack'], phase: ['investigating', 'recovering'] },
      },
    }),
    'de/attack.md.hbs': '# Angriff\n\nStand: {{updated.text}}\n',
  });
  const paths = async (file) =>
    (await renderFiles({ files: [file], dryRun: true, templates: dir })).artifacts.map(
      (a) => a.path,
    );
  assert.deepEqual(await paths(fixture('attack-recovering', 'incident.yaml')), [
    'attack-recovering/faq.de.md',
    'attack-recovering/attack.de.md',
  ]);
  assert.deepEqual(await paths(fixture('malfunction-recovering', 'incident.yaml')), [
    'malfunction-recovering/faq.de.md',
  ]);
  assert.deepEqual(await paths(fixture('attack-resolved', 'incident.yaml')), [
    'attack-resolved/faq.de.md',
  ]);
  await assert.rejects(
    renderFiles({
      files: [fixture('unknown-investigating', 'incident.yaml')],
      dryRun: true,
      templates: dir,
      variants: ['attack'],
    }),
    (e) =>
      e.name === 'UsageError' &&
      /exists only while the status is attack; .* says unknown/.test(e.message),
  );
});
