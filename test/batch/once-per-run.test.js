// Issue 19, "less work per file in a batch": what every document of a run asks for is made once
// per run (per template store), not once per file.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TemplateStore } from '../../lib/render/templates.js';
import { tempDir } from '../helpers.js';

test('a store parses a language’s labels once and lists its partials once', (t) => {
  const overlay = tempDir(t);
  mkdirSync(join(overlay, 'de', 'partials'), { recursive: true });
  writeFileSync(join(overlay, 'de', 'partials', 'extra.md.hbs'), 'Extra\n');
  const store = new TemplateStore(overlay);
  const labels = store.labels('de');
  assert.ok(Object.keys(labels).length > 0, 'the built-in German labels');
  assert.equal(store.labels('de'), labels, 'parsed once');
  const partials = store.partials('de');
  assert.ok(partials.includes('extra'), 'the overlay’s partial is listed');
  // A partial added during the run is not seen by it: like the template texts, read once per run.
  writeFileSync(join(overlay, 'de', 'partials', 'later.md.hbs'), 'Later\n');
  assert.equal(store.partials('de'), partials, 'listed once');
  assert.ok(new TemplateStore(overlay).partials('de').includes('later'), 'the next run sees it');
});
