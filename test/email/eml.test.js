// The .eml drafts: real MIME that independent parsers accept (Python's email package under the
// default and the strict policy, and mailparser), checked at byte level too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { EXAMPLE, fixture, listFiles, runInProcess, tempDir } from '../helpers.js';

const ID = 'regio-it-2026-11';
const SUBJECT =
  'regio iT: Information zur aktuellen IT-Störung (Stand: 26. November 2026, 15:00 Uhr)';
const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;

/** Renders the example (or another file) and returns the folder of its artifacts. */
async function render(t, file = EXAMPLE, args = []) {
  const out = tempDir(t);
  const r = await runInProcess(['render', file, '-o', out, ...args]);
  assert.equal(r.code, 0, r.stderr);
  return out;
}

// Parses the message with Python's email package and reports what it saw as JSON. The strict
// policy raises on any defect, in the body or when a header is read.
const PYTHON_PARSE = String.raw`
import email, email.policy, json, sys
data = sys.stdin.buffer.read()
out = {}
for name, policy in (("default", email.policy.default), ("strict", email.policy.strict)):
    msg = email.message_from_bytes(data, policy=policy)
    headers = {k: str(msg[k]) for k in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version")}
    defects = [repr(d) for part in msg.walk() for d in part.defects]
    parts = [part.get_content_type() for part in msg.walk()]
    out[name] = {
        "headers": headers,
        "defects": defects,
        "parts": parts,
        "text": msg.get_body(("plain",)).get_content(),
        "html": msg.get_body(("html",)).get_content(),
        "charset": msg.get_body(("plain",)).get_content_charset(),
    }
json.dump(out, sys.stdout)
`;

function parseWithPython(bytes) {
  const r = spawnSync('python3', ['-c', PYTHON_PARSE], { input: bytes, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const lf = (s) => s.replace(/\r\n/g, '\n');

test('the example writes email.de.{html,md,txt,eml} next to the FAQ and the press release', async (t) => {
  const out = await render(t);
  assert.deepEqual(listFiles(out), [
    `${ID}/banner.de.html`,
    `${ID}/banner.de.txt`,
    `${ID}/email.de.eml`,
    `${ID}/email.de.html`,
    `${ID}/email.de.md`,
    `${ID}/email.de.txt`,
    `${ID}/faq.de.html`,
    `${ID}/faq.de.md`,
    `${ID}/faq.de.txt`,
    `${ID}/feed.de.atom`,
    `${ID}/feed.de.json`,
    `${ID}/manifest.json`,
    `${ID}/phone.de.txt`,
    `${ID}/press.de.html`,
    `${ID}/press.de.md`,
    `${ID}/press.de.txt`,
    `${ID}/sms.de.txt`,
    `${ID}/social.de.txt`,
    `${ID}/status.json`,
  ]);
});

test('.eml bytes: CRLF only, 7-bit, lines within 78 characters, the required headers', async (t) => {
  const out = await render(t);
  const bytes = readFileSync(join(out, ID, 'email.de.eml'));
  assert.ok(
    bytes.every((b) => b < 128),
    'every byte is ASCII (RFC 2047 headers, quoted-printable bodies)',
  );
  const text = bytes.toString('latin1');
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  const lines = text.split('\r\n');
  for (const [i, line] of lines.entries()) {
    assert.doesNotMatch(line, /[\r\n]/, `line ${i + 1} has a bare CR or LF`);
    assert.ok(line.length <= 78, `line ${i + 1} is ${line.length} characters: ${line}`);
  }
  const head = text.slice(0, text.indexOf('\r\n\r\n'));
  const header = (name) => {
    const m = new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(head);
    return m?.[1].replace(/\r\n[ \t]/g, ' ');
  };
  assert.equal(header('MIME-Version'), '1.0');
  assert.equal(
    header('Date'),
    'Thu, 26 Nov 2026 15:00:00 +0100',
    'local time in Berlin, with its offset',
  );
  assert.match(header('Message-ID'), /^<[0-9a-f]{32}@regioit\.de>$/);
  assert.match(header('Subject'), /^=\?UTF-8\?Q\?regio_iT=3A_Information_zur_aktuellen_IT\?=/);
  assert.match(
    header('From'),
    /^=\?UTF-8\?Q\?regio_iT_=E2=80=93_Pressestelle\?= <presse@regioit\.de>$/,
  );
  assert.equal(header('To'), undefined, 'no recipients: no To header, the user fills it in');
  assert.equal(header('X-Unsent'), '1', 'Outlook opens it as a draft');
  assert.match(header('Content-Type'), /^multipart\/alternative; boundary="([^"]+)"$/);
  const boundary = /boundary="([^"]+)"/.exec(header('Content-Type'))[1];
  const parts = text.split(`--${boundary}`);
  assert.equal(parts.length, 4, 'preamble, two parts, epilogue');
  assert.match(
    parts[1],
    /^\r\nContent-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n/,
  );
  assert.match(
    parts[2],
    /^\r\nContent-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n/,
  );
  assert.ok(parts[3].startsWith('--\r\n'), 'closing boundary');
});

test(
  '.eml: Python parses it without defects (default and strict policy)',
  { skip: !HAS_PYTHON && 'python3 not found' },
  async (t) => {
    const out = await render(t);
    const bytes = readFileSync(join(out, ID, 'email.de.eml'));
    const txt = readFileSync(join(out, ID, 'email.de.txt'), 'utf8');
    const html = readFileSync(join(out, ID, 'email.de.html'), 'utf8');
    const parsed = parseWithPython(bytes);
    for (const policy of ['default', 'strict']) {
      const p = parsed[policy];
      assert.deepEqual(p.defects, [], policy);
      assert.deepEqual(p.parts, ['multipart/alternative', 'text/plain', 'text/html'], policy);
      assert.equal(p.headers.Subject, SUBJECT, policy);
      assert.equal(p.headers.From, 'regio iT – Pressestelle <presse@regioit.de>', policy);
      assert.equal(p.headers['MIME-Version'], '1.0', policy);
      assert.equal(p.charset, 'utf-8', policy);
      assert.equal(lf(p.text), txt, `${policy}: the text part is the .txt artifact`);
      assert.equal(lf(p.html), lf(html), `${policy}: the HTML part is the .html artifact`);
      assert.match(p.text, /Außenwelt getrennt/);
    }
  },
);

test('.eml: mailparser reads subject, sender, date and both parts', async (t) => {
  const out = await render(t);
  const bytes = readFileSync(join(out, ID, 'email.de.eml'));
  const mail = await simpleParser(bytes);
  assert.equal(mail.subject, SUBJECT);
  assert.deepEqual(mail.from.value, [
    { address: 'presse@regioit.de', name: 'regio iT – Pressestelle' },
  ]);
  assert.equal(mail.date.toISOString(), '2026-11-26T14:00:00.000Z');
  assert.match(mail.messageId, /^<[0-9a-f]{32}@regioit\.de>$/);
  assert.equal(mail.text, readFileSync(join(out, ID, 'email.de.txt'), 'utf8'));
  assert.match(mail.html, /^<!DOCTYPE html>/);
  assert.match(mail.html, /Sehr geehrte Damen und Herren,/);
  assert.deepEqual(mail.attachments, []);
});

test('.eml: two renders give the same bytes; the Message-ID follows the content', async (t) => {
  const a = readFileSync(join(await render(t), ID, 'email.de.eml'));
  const b = readFileSync(join(await render(t), ID, 'email.de.eml'));
  assert.ok(a.equals(b), 'byte-identical');
  const dir = tempDir(t);
  const file = join(dir, 'later.yaml');
  writeFileSync(
    file,
    readFileSync(EXAMPLE, 'utf8').replace('updated: 2026-11-26T15:00', 'updated: 2026-11-26T18:00'),
  );
  const c = readFileSync(join(await render(t, file), ID, 'email.de.eml')).toString('latin1');
  const id = (s) => /^Message-ID: (.*)$/m.exec(s)[1];
  assert.notEqual(id(c), id(a.toString('latin1')), 'a new Stand is a new message');
  assert.match(c, /^Date: Thu, 26 Nov 2026 18:00:00 \+0100\r$/m);
});

test(
  'mail merge: each .eml has its own To (RFC 2047 name) and sender from email.from',
  { skip: !HAS_PYTHON && 'python3 not found' },
  async (t) => {
    const out = await render(t, fixture('mail-merge-three', 'incident.yaml'));
    const dir = join(out, 'mail-merge-three');
    const raw = readFileSync(join(dir, 'email.de.stadt-dueren.eml')).toString('latin1');
    assert.match(raw, /^To: =\?UTF-8\?Q\?Stadt_D=C3=BCren\?= <it@dueren\.example>\r$/m);
    const expected = {
      'stadt-dueren': 'Stadt Düren <it@dueren.example>',
      'staedteregion-aachen': 'Städteregion Aachen <edv@staedteregion.example>',
      'stadtwerke-eschweiler': 'None',
    };
    const ids = new Set();
    for (const [slug, to] of Object.entries(expected)) {
      const bytes = readFileSync(join(dir, `email.de.${slug}.eml`));
      const parsed = parseWithPython(bytes);
      for (const policy of ['default', 'strict']) {
        assert.deepEqual(parsed[policy].defects, [], `${slug} ${policy}`);
        assert.equal(parsed[policy].headers.To, to, `${slug} ${policy}`);
        assert.equal(
          parsed[policy].headers.From,
          'Kundenservice regio iT <kundenservice@regioit.example>',
        );
      }
      const mail = await simpleParser(bytes);
      const parsedTo = mail.to?.value.map((a) => `${a.name} <${a.address}>`).join(', ');
      assert.equal(parsedTo, to === 'None' ? undefined : to, slug);
      ids.add(mail.messageId);
    }
    assert.equal(ids.size, 3, 'every recipient gets its own Message-ID');
  },
);

test('no possible sender: skipped with a warning, or an error when --format eml is asked for', async (t) => {
  const file = fixture('no-sender', 'incident.yaml');
  const out = tempDir(t);
  const skipped = await runInProcess(['render', file, '-o', out, '--variant', 'email']);
  assert.equal(skipped.code, 0, skipped.stderr);
  assert.match(
    skipped.stderr,
    /no-sender\/incident\.yaml:1:1: warning: email\.from: email\.de: no \.eml written, the e-mail has no sender \(hint: set email\.from or organization\.contact\.email\)/,
  );
  assert.deepEqual(listFiles(out), [
    'no-sender/email.de.html',
    'no-sender/email.de.md',
    'no-sender/email.de.txt',
    'no-sender/manifest.json',
  ]);

  const fresh = join(tempDir(t), 'out');
  const explicit = await runInProcess(['render', file, '-o', fresh, '--format', 'eml']);
  assert.equal(explicit.code, 1);
  assert.equal(explicit.stdout, '');
  assert.match(
    explicit.stderr,
    /no-sender\/incident\.yaml:1:1: error: email\.from: email\.de: no \.eml written, the e-mail has no sender/,
  );
  assert.doesNotMatch(explicit.stderr, /\n\s+at /, 'no stack trace');
  assert.throws(() => listFiles(fresh), /ENOENT/, 'nothing written');

  const stdout = await runInProcess([
    'render',
    file,
    '--variant',
    'email',
    '--format',
    'eml',
    '--stdout',
  ]);
  assert.equal(stdout.code, 1);
  assert.equal(stdout.stdout, '');
});
