// `faq render --format mbox`: one mboxrd file per variant and language with every recipient's
// e-mail, each exactly its .eml (LF line ends, "From " lines quoted); only when asked for.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextEncoder } from 'node:util';
import { tempDir } from '../helpers.js';
import { writeIncident } from '../send/incident.js';

const { renderFiles } = await import('../../lib/api.js');
const { render: renderMbox } = await import('../../lib/formats/mbox.js');
const NOW = Date.parse('2026-12-01T00:00:00Z');

/** The messages of an mboxrd file: "From " lines split, quoting undone, CRLF line ends again. */
function readMbox(text) {
  return text
    .split(/^From [^\n]*\n/m)
    .slice(1)
    .map((m) =>
      m
        .replace(/\n$/, '')
        .replace(/^>(>*From )/gm, '$1')
        .replace(/\n/g, '\r\n'),
    );
}

test("the mbox holds every recipient's .eml, byte for byte, and comes only when asked for", async (t) => {
  const dir = tempDir(t, 'faq-mbox-');
  const file = writeIncident(dir);
  const out = join(dir, 'dist');
  await renderFiles({
    files: [file],
    out,
    variants: ['email'],
    formats: ['eml', 'mbox'],
    now: NOW,
  });
  const folder = join(out, 'send-test');
  const emls = readdirSync(folder).filter((f) => f.endsWith('.eml'));
  assert.equal(emls.length, 5);
  const mbox = readFileSync(join(folder, 'email.de.mbox'), 'latin1');
  assert.match(mbox, /^From kundenservice@regioit\.example Thu Nov 26 14:00:00 2026\n/);
  assert.ok(!mbox.includes('\r'));
  assert.deepEqual(
    readMbox(mbox).sort(),
    emls
      .sort()
      .map((f) => readFileSync(join(folder, f), 'latin1'))
      .sort(),
  );
  // The messages keep the recipients' order of the file.
  assert.deepEqual(
    [...mbox.matchAll(/^To: .*<([^>]+)>$/gm)].map((m) => m[1]),
    [
      'it@dueren.example',
      'edv@staedteregion.example',
      'info@eschweiler.example',
      'rathaus@stolberg.example',
    ],
  );
  const plain = await renderFiles({ files: [file], out: join(dir, 'all'), now: NOW });
  assert.ok(
    plain.artifacts.every((a) => a.format !== 'mbox'),
    'not without --format mbox',
  );
});

test('mboxrd: a line starting with "From " (after any ">") gets one more ">"', () => {
  const eml = 'Subject: x\r\n\r\nFrom here on\r\n>From there\r\n>>From afar\r\n From not\r\n';
  const doc = {
    produced: new Map([['eml', new TextEncoder().encode(eml)]]),
    incident: {
      updated: { hasTime: true, year: 2026, month: 1, day: 2, hour: 3, minute: 4, offset: 60 },
      email: { from: { email: 'a@b.example' } },
      organization: {},
    },
  };
  assert.equal(
    Buffer.from(renderMbox(doc)).toString('latin1'),
    'From a@b.example Fri Jan  2 02:04:00 2026\nSubject: x\n\n>From here on\n>>From there\n>>>From afar\n From not\n\n',
  );
});
