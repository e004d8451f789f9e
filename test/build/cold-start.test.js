// What a cold `faq render` of the example does not do (docs/performance.md): load Node's http,
// https and tls (nodemailer's URL fetcher), create an Intl.DateTimeFormat (ICU's zone data; the
// default zone's offsets come from the build's table) or an Intl.Segmenter (plain text is counted
// without it). Only a fresh process shows what is loaded: one run, watched by a preloaded module.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BIN, EXAMPLE, ROOT, tempDir } from '../helpers.js';
import { ZONE_TABLES } from '../../lib/incident/zone-table.js';

const WATCH = `
const created = { DateTimeFormat: 0, Segmenter: 0 };
for (const name of Object.keys(created))
  Intl[name] = new Proxy(Intl[name], {
    construct(target, args, newTarget) {
      created[name] += 1;
      return Reflect.construct(target, args, newTarget);
    },
  });
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
  require('node:fs').writeFileSync(process.env.FAQ_TEST_WATCH, JSON.stringify({ created, builtins }));
});
`;

test('a cold render of the example loads no network modules and creates no ICU formatter or segmenter', (t) => {
  const dir = tempDir(t, 'faq-cold-');
  const watch = join(dir, 'watch.cjs');
  writeFileSync(watch, WATCH);
  const report = join(dir, 'report.json');
  const r = spawnSync(
    process.execPath,
    ['-r', watch, BIN, 'render', EXAMPLE, '-o', join(dir, 'out')],
    {
      encoding: 'utf8',
      env: { ...process.env, FAQ_CACHE: '0', FAQ_TEST_WATCH: report },
    },
  );
  assert.equal(r.status, 0, r.stderr);
  const { created, builtins } = JSON.parse(readFileSync(report, 'utf8'));
  assert.ok(builtins.includes('fs') && builtins.includes('crypto'), 'the list is of this process');
  for (const name of ['http', 'https', 'tls', '_http_client'])
    assert.ok(!builtins.includes(name), `${name} is loaded`);
  assert.equal(created.Segmenter, 0, 'Intl.Segmenter created');
  const table = ZONE_TABLES.find((z) => z.zone === 'Europe/Berlin');
  if (table?.tz === process.versions.tz)
    assert.equal(created.DateTimeFormat, 0, 'Intl.DateTimeFormat created');
});

test('the bundles are ASCII only (Node reads them into one-byte strings)', () => {
  for (const file of ['cli.cjs', 'batch-worker.cjs']) {
    const text = readFileSync(join(ROOT, 'lib', file), 'latin1');
    assert.doesNotMatch(text, /[^\x00-\x7f]/, file);
  }
});
