// faq send against a real SMTP server on 127.0.0.1: exactly the rendered bytes, one recipient
// (and its copies) per envelope, at most once per version, and only the missing ones after faults.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers.js';
import { BCC, CC, RECIPIENTS, writeIncident } from './incident.js';
import { startSmtpServer } from './smtp-server.js';

const { sendIncident } = await import('../../lib/send/send.js');
const { parseSmtpUrl } = await import('../../lib/send/smtp-url.js');
const { renderFiles } = await import('../../lib/api.js');

const NOW = Date.parse('2026-12-01T00:00:00Z');
const FAST = { backoff: [0, 0, 0], timeout: 3000, sleep: async () => {} };

async function setUp(t, faults) {
  const dir = tempDir(t, 'faq-send-');
  const smtp = await startSmtpServer({ faults });
  t.after(() => smtp.close());
  return { dir, smtp, file: writeIncident(dir) };
}

function send(dir, file, smtp, options = {}) {
  return sendIncident({
    file,
    variant: 'email',
    now: NOW,
    out: join(dir, 'dist'),
    send: true,
    server: parseSmtpUrl(smtp.url, {}),
    rate: 60_000,
    timing: FAST,
    ...options,
  });
}

const readLog = (report) =>
  readFileSync(report.log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

test('each recipient gets exactly the bytes faq render writes, with only its own addresses in the envelope', async (t) => {
  const { dir, smtp, file } = await setUp(t);
  const rendered = await renderFiles({
    files: [file],
    out: join(dir, 'dist'),
    formats: ['eml'],
    variants: ['email'],
    now: NOW,
  });
  const report = await send(dir, file, smtp);
  assert.equal(report.ok, true);
  assert.deepEqual(
    smtp.received.map((m) => m.to[0]),
    RECIPIENTS,
  );
  for (const artifact of rendered.artifacts.filter((a) => !a.path.includes('ohne-adresse'))) {
    const eml = readFileSync(join(dir, 'dist', artifact.path));
    const to = /^To: .*<([^>]+)>/m.exec(eml.toString('latin1'))[1];
    const message = smtp.received.find((m) => m.to[0] === to);
    // smtp-server adds no trace header: the bytes as received are the message as sent.
    assert.ok(message.bytes.equals(eml), `${to}: the bytes differ from ${artifact.path}`);
  }
  // One recipient per envelope, plus its own cc and bcc; nobody else's address.
  assert.deepEqual(
    smtp.rcpts,
    smtp.envelopes.flatMap((e) => e.to),
  );
  assert.deepEqual(
    smtp.envelopes.map((e) => e.to),
    [[RECIPIENTS[0], ...CC, ...BCC], ...RECIPIENTS.slice(1).map((r) => [r])],
  );
  assert.ok(smtp.envelopes.every((e) => e.from === 'kundenservice@regioit.example'));
  const noAddress = report.messages.find((m) => m.status === 'no-address');
  assert.equal(noAddress.name, 'Stadtwerke ohne Adresse');
  const log = readLog(report);
  assert.deepEqual(
    log.map((r) => r.to),
    RECIPIENTS,
  );
  assert.ok(
    log.every((r, n) => r.messageId === report.messages[n].messageId && /^250 /.test(r.response)),
  );
  assert.equal(report.log, join(dir, '.faq-state', 'send-test', '2026-11-26T1500+0100.jsonl'));
});

test('a second run sends nothing; --resend sends to that address again; a new updated is a new version', async (t) => {
  const { dir, smtp, file } = await setUp(t);
  await send(dir, file, smtp);
  const again = await send(dir, file, smtp);
  assert.equal(smtp.received.length, 4);
  assert.ok(again.messages.filter((m) => m.to).every((m) => m.status === 'already-sent'));
  const resend = await send(dir, file, smtp, { resend: [RECIPIENTS[2]] });
  assert.deepEqual(
    resend.messages.map((m) => m.status),
    ['sent'],
  );
  assert.equal(smtp.countFor(RECIPIENTS[2]), 2);
  assert.equal(readLog(resend).at(-1).resend, true);
  writeIncident(dir, { updated: '2026-11-27T09:00' });
  const next = await send(dir, file, smtp);
  assert.notEqual(next.log, resend.log);
  assert.equal(smtp.received.length, 4 + 1 + 4);
});

test('refused, failing twice, dropped mid-DATA: retried or reported, and a rerun sends only what is missing', async (t) => {
  const { dir, smtp, file } = await setUp(t, {
    [RECIPIENTS[1]]: { reject: true },
    [RECIPIENTS[2]]: { failTimes: 2 },
    [RECIPIENTS[3]]: { dropOnce: true },
  });
  const first = await send(dir, file, smtp);
  assert.equal(first.ok, false);
  const byTo = Object.fromEntries(first.messages.map((m) => [m.to, m]));
  assert.equal(byTo[RECIPIENTS[1]].status, 'failed');
  assert.match(byTo[RECIPIENTS[1]].reply, /: 550 /);
  assert.equal(byTo[RECIPIENTS[1]].attempts, 1, 'a permanent refusal is not tried again');
  assert.equal(byTo[RECIPIENTS[2]].status, 'sent');
  assert.equal(byTo[RECIPIENTS[2]].attempts, 3);
  assert.equal(byTo[RECIPIENTS[3]].status, 'sent');
  assert.equal(byTo[RECIPIENTS[3]].attempts, 2);
  assert.deepEqual(RECIPIENTS.map(smtp.countFor), [1, 0, 1, 1]);
  smtp.faults[RECIPIENTS[1]].reject = false;
  const second = await send(dir, file, smtp);
  assert.equal(second.ok, true);
  assert.deepEqual(
    second.messages.filter((m) => m.status === 'sent').map((m) => m.to),
    [RECIPIENTS[1]],
  );
  assert.deepEqual(RECIPIENTS.map(smtp.countFor), [1, 1, 1, 1]);
});

test('a server that does not answer is given up on after the timeout, then tried again', async (t) => {
  const { dir, smtp, file } = await setUp(t, { [RECIPIENTS[0]]: { holdOnce: true } });
  const report = await send(dir, file, smtp, {
    to: [RECIPIENTS[0]],
    timing: { ...FAST, timeout: 300 },
  });
  assert.deepEqual([report.messages[0].status, report.messages[0].attempts], ['sent', 2]);
  assert.equal(smtp.countFor(RECIPIENTS[0]), 1);
});

test('a copy refused for a while gets the message on the rerun, its recipient not twice', async (t) => {
  const { dir, smtp, file } = await setUp(t, { [CC[0]]: { failTimes: 1 } });
  const first = await send(dir, file, smtp, {
    to: [RECIPIENTS[0]],
    timing: { ...FAST, backoff: [] },
  });
  assert.equal(first.messages[0].status, 'failed');
  assert.match(first.messages[0].reply, new RegExp(`^${CC[0]}: 451 `));
  const second = await send(dir, file, smtp, { to: [RECIPIENTS[0]] });
  assert.equal(second.messages[0].status, 'sent');
  // The first time the server took it for the recipient and the bcc; the second, for the cc only.
  assert.deepEqual(smtp.rcpts, [RECIPIENTS[0], ...CC, ...BCC, ...CC]);
  assert.deepEqual(
    smtp.envelopes.map((e) => e.to),
    [[RECIPIENTS[0], ...BCC], CC],
  );
  assert.equal(smtp.received.length, 2);
});

test('temporary failures are tried a bounded number of times, then reported', async (t) => {
  const { dir, smtp, file } = await setUp(t, { [RECIPIENTS[1]]: { failTimes: 10 } });
  const waits = [];
  const report = await send(dir, file, smtp, {
    to: [RECIPIENTS[1]],
    timing: { ...FAST, backoff: [5, 10], sleep: async (ms) => void waits.push(ms) },
  });
  assert.equal(report.messages[0].status, 'failed');
  assert.equal(report.messages[0].attempts, 3);
  assert.deepEqual(
    waits.filter((ms) => ms === 5 || ms === 10),
    [5, 10],
  );
  assert.equal(smtp.received.length, 0);
});

test('--customer and --to select one recipient; an unknown one is a usage error', async (t) => {
  const { dir, smtp, file } = await setUp(t);
  const one = await send(dir, file, smtp, { customer: 'staedteregion-aachen' });
  assert.deepEqual(
    one.messages.map((m) => m.to),
    [RECIPIENTS[1]],
  );
  const two = await send(dir, file, smtp, { to: [RECIPIENTS[3].toUpperCase()] });
  assert.deepEqual(
    two.messages.map((m) => m.to),
    [RECIPIENTS[3]],
  );
  assert.deepEqual(
    smtp.envelopes.map((e) => e.to),
    [[RECIPIENTS[1]], [RECIPIENTS[3]]],
  );
  await assert.rejects(send(dir, file, smtp, { to: ['boss@elsewhere.example'] }), {
    name: 'UsageError',
  });
  await assert.rejects(send(dir, file, smtp, { customer: 'Stadt Dueren' }), (e) =>
    /did you mean `stadt-dueren`/.test(e.hint),
  );
});

test('customers: --customer sends one customer its e-mail, with its own cc and bcc', async (t) => {
  const { dir, smtp } = await setUp(t);
  const file = join(dir, 'kunden.yaml');
  writeFileSync(
    file,
    `id: kunden
updated: 2026-11-26T15:00
organization: { name: regio iT, contact: { email: presse@regioit.example } }
incident: { status: unknown, detected: 2026-11-24, findings_expected: 2026-11-28 }
services:
  - { name: Kfz-Zulassung, state: down }
customers:
  - { name: Stadt Aachen, email: it@aachen.example, cc: [ob@aachen.example], bcc: [akte@regioit.example], services: [Kfz-Zulassung] }
  - { name: Stadt Düren, email: it@dueren.example, services: [Kfz-Zulassung] }
approval: { by: Pressestelle, at: 2026-11-26T15:00 }
`,
  );
  const report = await send(dir, file, smtp, { customer: 'Stadt Aachen' });
  assert.deepEqual(
    report.messages.map((m) => [m.to, m.status]),
    [['it@aachen.example', 'sent']],
  );
  assert.deepEqual(smtp.rcpts, ['it@aachen.example', 'ob@aachen.example', 'akte@regioit.example']);
  const bytes = smtp.received[0].bytes.toString('latin1');
  assert.match(bytes, /^Cc: ob@aachen\.example\r$/m);
  assert.doesNotMatch(bytes, /akte@|it@dueren/);
});

test('a dry run lists and sends nothing, and needs no server', async (t) => {
  const { dir, smtp, file } = await setUp(t);
  const report = await send(dir, file, smtp, { send: false, server: undefined });
  assert.equal(report.dryRun, true);
  assert.deepEqual(
    report.messages.map((m) => m.status),
    ['would-send', 'would-send', 'would-send', 'would-send', 'no-address'],
  );
  assert.ok(report.messages.every((m) => m.bytes > 1000 && m.subject.startsWith('regio iT:')));
  assert.equal(smtp.envelopes.length, 0);
});

test('smtp:// to a server without STARTTLS is refused before any message goes', async (t) => {
  const { dir, smtp, file } = await setUp(t);
  const server = parseSmtpUrl(`smtp://127.0.0.1:${smtp.port}`, {});
  assert.equal(server.requireTLS, true);
  const report = await send(dir, file, smtp, { server });
  assert.equal(report.ok, false);
  assert.equal(report.messages[0].status, 'failed');
  assert.ok(report.messages.slice(1, 4).every((m) => m.status === 'not-tried'));
  assert.equal(smtp.envelopes.length, 0);
});

test('SMTP URLs: TLS by default, tls=off only to this computer, no credentials in the URL', () => {
  const env = { FAQ_SMTP_USER: 'u', FAQ_SMTP_PASS: 'p' };
  assert.deepEqual(
    { ...parseSmtpUrl('smtps://mail.example.org', env), display: undefined },
    {
      host: 'mail.example.org',
      port: 465,
      secure: true,
      requireTLS: false,
      ignoreTLS: false,
      auth: { user: 'u', pass: 'p' },
      display: undefined,
    },
  );
  const plain = parseSmtpUrl('smtp://mail.example.org:2525', {});
  assert.deepEqual([plain.port, plain.requireTLS, plain.auth], [2525, true, undefined]);
  assert.equal(parseSmtpUrl('smtp://localhost?tls=off', {}).ignoreTLS, true);
  for (const url of [
    undefined,
    '',
    'mail.example.org',
    'http://mail.example.org',
    'smtp://mail.example.org?tls=off',
    'smtp://10.0.0.1:25?tls=off',
    'smtps://127.0.0.1?tls=off',
    'smtp://user:secret@mail.example.org',
    'smtp://mail.example.org?tls=no',
    'smtp://mail.example.org/path',
  ])
    assert.throws(
      () => parseSmtpUrl(url, {}),
      (e) => e.name === 'UsageError' && !e.message.includes('secret'),
      String(url),
    );
  assert.throws(
    () => parseSmtpUrl('smtps://mail.example.org', { FAQ_SMTP_USER: 'u' }),
    /FAQ_SMTP_PASS/,
  );
});
