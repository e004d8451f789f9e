// faq send as a command: exit codes and messages for what must never go (a draft, a file that
// `faq check --release` refuses, a wrong or missing SMTP URL), the login kept out of every output,
// and a run killed with SIGKILL (a real process) after which a rerun sends only what is missing.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runInProcess, startCli, tempDir } from '../helpers.js';
import { RECIPIENTS, incidentYaml, writeIncident } from './incident.js';
import { startSmtpServer } from './smtp-server.js';

const FAST_ENV = {
  FAQ_SEND_BACKOFF_MS: '0,0',
  FAQ_SEND_TIMEOUT_MS: '3000',
  FAQ_SMTP_URL: undefined,
};

async function setUp(t, options) {
  const dir = tempDir(t, 'faq-send-cli-');
  const smtp = await startSmtpServer(options);
  t.after(() => smtp.close());
  return { dir, smtp, file: writeIncident(dir) };
}

const sendCli = (dir, args, env = {}) =>
  runInProcess(['send', join(dir, 'incident.yaml'), '--rate', '60000/min', ...args], {
    cwd: dir,
    env: { ...FAST_ENV, ...env },
  });

test('a draft, a file that check --release refuses, no URL or a bad one: nothing is sent', async (t) => {
  const { dir, smtp } = await setUp(t);
  const yes = ['--yes', '--smtp', smtp.url];
  writeFileSync(join(dir, 'incident.yaml'), incidentYaml({ draft: true }));
  const draft = await sendCli(dir, yes);
  assert.equal(draft.code, 1);
  assert.match(draft.stderr, /incident\.yaml:1:1: error: approval: this version is a draft/);
  assert.match(draft.stderr, /faq send sends only approved versions/);
  writeFileSync(
    join(dir, 'incident.yaml'),
    incidentYaml().replace('detected: 2026-11-24', 'detected: 2026-08-01'),
  );
  const warning = await sendCli(dir, yes);
  assert.equal(warning.code, 1);
  assert.match(warning.stderr, /incident\.yaml:10:13: error: .*--release refuses every warning/);
  writeIncident(dir);
  const cases = [
    [['--yes'], /no SMTP server: give --smtp <url> or set FAQ_SMTP_URL/],
    [['--yes', '--smtp', 'mail.example.org'], /the SMTP URL cannot be read/],
    [['--yes', '--smtp', 'smtp://mail.example.org?tls=off'], /only allowed to this computer/],
    [['--smtp', 'smtp://mail.example.org?tls=off'], /only allowed to this computer/],
    [['--yes', '--dry-run', '--smtp', smtp.url], /contradict/],
    [['--yes', '--smtp', smtp.url, '--rate', 'fast'], /--rate/],
  ];
  for (const [args, message] of cases) {
    const result = await sendCli(dir, args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, message);
    assert.equal(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
  }
  assert.equal(smtp.rcpts.length, 0);
  assert.deepEqual(readdirSync(dir), ['incident.yaml']);
});

test('the dry run is the default: a table of recipient, size and subject, exit 0', async (t) => {
  const { dir, smtp } = await setUp(t);
  const result = await sendCli(dir, [], { FAQ_SMTP_URL: smtp.url });
  assert.equal(result.code, 0);
  assert.match(result.stdout, /^status +to +copies +size +subject\n/);
  assert.match(
    result.stdout,
    /would send +it@dueren\.example +cc 1, bcc 1 +\d+\.\d kB +regio iT: Information/,
  );
  assert.match(result.stdout, /no address +Stadtwerke ohne Adresse/);
  assert.match(
    result.stderr,
    /dry run: 4 e-mail\(s\) would go via smtp:\/\/127\.0\.0\.1:\d+\?tls=off; nothing was sent/,
  );
  assert.equal(smtp.rcpts.length, 0);
  // More than a few: a line per message on stderr (not a terminal), the table on stdout.
  const sent = await sendCli(dir, ['--yes'], { FAQ_SMTP_URL: smtp.url });
  assert.equal(sent.code, 0, sent.stderr);
  assert.deepEqual(
    sent.stderr.split('\n').filter((line) => /^faq: \d\/4/.test(line)),
    RECIPIENTS.map((to, n) => `faq: ${n + 1}/4 sent: ${to}`),
  );
  assert.match(
    sent.stdout,
    /^status +to +copies +size +server reply\nsent +it@dueren\.example .* 250 Ok: queued as 1\n/,
  );
  assert.match(
    sent.stderr,
    /faq: sent 4, already sent 0, not accepted 0 \(send log: .*\.faq-state/,
  );
});

test('the login goes to the server only: never to stdout, stderr, --json or the send log', async (t) => {
  const login = { user: 'faq-relay-user', pass: 'pw-9f3c1e7a-secret' };
  const { dir, smtp } = await setUp(t, { auth: login });
  const env = { FAQ_SMTP_USER: login.user, FAQ_SMTP_PASS: login.pass, FAQ_SMTP_URL: smtp.url };
  const sent = await sendCli(dir, ['--yes', '--json', '--to', RECIPIENTS[0]], env);
  assert.equal(sent.code, 0, sent.stderr);
  assert.equal(JSON.parse(sent.stdout).messages[0].status, 'sent');
  const plain = await sendCli(dir, ['--yes', '--resend', RECIPIENTS[0]], env);
  assert.equal(plain.code, 0, plain.stderr);
  const wrong = await sendCli(dir, ['--yes', '--to', RECIPIENTS[1]], {
    ...env,
    FAQ_SMTP_PASS: `${login.pass}-wrong`,
  });
  assert.equal(wrong.code, 1);
  assert.match(wrong.stdout, /FAILED +edv@staedteregion\.example .*535/);
  assert.deepEqual(smtp.logins, [login.user, login.user, login.user]);
  const log = readFileSync(
    join(dir, '.faq-state', 'send-test', '2026-11-26T1500+0100.jsonl'),
    'utf8',
  );
  for (const text of [
    sent.stdout,
    sent.stderr,
    plain.stdout,
    plain.stderr,
    wrong.stdout,
    wrong.stderr,
    log,
  ])
    for (const secret of [login.user, login.pass, 'pw-9f3c'])
      assert.ok(!text.includes(secret), text);
});

test('a run killed with SIGKILL: the rerun sends only the missing e-mails, none twice', async (t) => {
  let killed;
  const { dir, smtp } = await setUp(t, {
    faults: { [RECIPIENTS[2]]: { hold: true } },
    onHold: () => killed(),
  });
  const child = startCli(['send', 'incident.yaml', '--yes', '--rate', '60000/min'], {
    cwd: dir,
    env: { ...FAST_ENV, FAQ_SMTP_URL: smtp.url, FAQ_NOW: process.env.FAQ_NOW },
  });
  const exit = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  // Killed while the server holds the third message unanswered: two are in the send log.
  await new Promise((resolve) => (killed = resolve));
  child.kill('SIGKILL');
  assert.equal(await exit, 'SIGKILL');
  assert.deepEqual(RECIPIENTS.map(smtp.countFor), [1, 1, 0, 0]);
  smtp.faults[RECIPIENTS[2]].hold = false;
  const rerun = await sendCli(dir, ['--yes'], { FAQ_SMTP_URL: smtp.url });
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.match(rerun.stdout, /already sent +it@dueren\.example/);
  assert.deepEqual(RECIPIENTS.map(smtp.countFor), [1, 1, 1, 1]);
  const again = await sendCli(dir, ['--yes'], { FAQ_SMTP_URL: smtp.url });
  assert.equal(again.code, 0);
  assert.match(again.stderr, /nothing to send: every e-mail of this version was sent already/);
  assert.equal(smtp.received.length, 4);
});
