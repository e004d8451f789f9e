// Issue 10, finding 12: a name or subject that is written like an RFC 2047 encoded word is shown
// as written, not decoded to other text (`CEO <ceo@bank.example>`), by Python's e-mail package
// (default and strict policy) and by mailparser.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { checkIncident } from '../../lib/api.js';
import { TemplateEngine } from '../../lib/render/engine.js';
import { renderIncident } from '../../lib/render/render.js';
import { TemplateStore } from '../../lib/render/templates.js';

const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;
const engine = new TemplateEngine(new TemplateStore());
/** Decodes to `CEO <ceo@bank.example>`. */
const SPOOF = '=?UTF-8?B?Q0VPIDxjZW9AYmFuay5leGFtcGxlPg==?=';

async function renderEmails(source) {
  const checked = await checkIncident('spoof.yaml', { source: Buffer.from(source) });
  assert.ok(checked.incident, JSON.stringify(checked.diagnostics));
  const { artifacts } = await renderIncident(checked.incident, engine, {
    variants: ['email'],
    formats: ['txt', 'html', 'eml'],
    langs: ['de'],
  });
  return artifacts.filter((a) => a.format === 'eml').map((a) => Buffer.from(a.content));
}

const PYTHON = String.raw`
import base64, email, email.policy, json, sys
out = []
for item in json.load(sys.stdin):
    for policy in (email.policy.default, email.policy.strict):
        msg = email.message_from_bytes(base64.b64decode(item), policy=policy)
        out.append({
            "subject": str(msg["Subject"]),
            "from": [[a.display_name, a.addr_spec] for a in msg["From"].addresses],
            "to": [[a.display_name, a.addr_spec] for a in msg["To"].addresses] if msg["To"] else [],
        })
json.dump(out, sys.stdout)
`;

// Python keeps the space between two adjacent encoded words of a display name (RFC 2047 §6.2
// says to drop it), so it is compared without white space; mailparser exactly.
const squeeze = (s) => s.replace(/\s+/g, '');

for (const [label, source, sender, recipient] of [
  [
    'email.from.name and a recipient name',
    `email:\n  subject: "${SPOOF}"\n  from: { name: "${SPOOF}", email: info@regioit.example }\n  recipients:\n    - { name: "${SPOOF}", email: it@kunde.example }\n`,
    ['info@regioit.example', SPOOF],
    ['it@kunde.example', SPOOF],
  ],
  [
    'the organisation name as sender (organization.contact without a name)',
    `email:\n  subject: "Info ${SPOOF}"\n`,
    ['presse@regioit.example', SPOOF],
    undefined,
  ],
]) {
  test(`an encoded word in ${label} is shown as written`, async () => {
    const org = `organization: { name: "${SPOOF}", contact: { email: presse@regioit.example } }\n`;
    const text = `updated: 2026-11-26T15:00\napproval: { by: Presse, at: 2026-11-26T15:00 }\n${org}incident: { status: unknown, detected: 2026-11-24, findings_expected: 2026-11-28 }\n${source}`;
    const emls = await renderEmails(text);
    assert.equal(emls.length, 1);
    const subject = /subject: "([^"]*)"/.exec(source)[1];
    const mail = await simpleParser(emls[0]);
    assert.equal(mail.subject, subject);
    assert.deepEqual(
      mail.from.value.map((a) => [a.address, a.name]),
      [sender],
    );
    if (recipient)
      assert.deepEqual(
        mail.to.value.map((a) => [a.address, a.name]),
        [recipient],
      );
    if (!HAS_PYTHON) return;
    const r = spawnSync('python3', ['-c', PYTHON], {
      input: JSON.stringify(emls.map((e) => e.toString('base64'))),
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    for (const seen of JSON.parse(r.stdout)) {
      assert.equal(seen.subject, subject);
      assert.deepEqual(
        seen.from.map(([name, address]) => [address, squeeze(name)]),
        [[sender[0], squeeze(sender[1])]],
      );
      if (recipient)
        assert.deepEqual(
          seen.to.map(([name, address]) => [address, squeeze(name)]),
          [[recipient[0], squeeze(recipient[1])]],
        );
    }
  });
}

// nodemailer cuts a long name into encoded words of 52 characters wherever the cut falls; Python
// then shows two spaces next to an encoded space, or a space inside a word. Such a name is
// written word by word (plain words as they are), and both parsers show it exactly as written.
test('a long name with umlauts comes back exactly, in Python (strict and default) and mailparser', async () => {
  const org = 'Südwestfalen-IT Kommunaler Zweckverband für Informationstechnik';
  const sender = `${org} – Pressestelle`;
  const recipient = 'Schulamt für die StädteRegion Aachen und den Kreis Düren';
  const text = `updated: 2026-11-26T15:00\napproval: { by: Presse, at: 2026-11-26T15:00 }\norganization: { name: "${org}", contact: { name: Pressestelle, email: presse@sit.example } }\nincident: { status: unknown, detected: 2026-11-24, findings_expected: 2026-11-28 }\nemail:\n  recipients:\n    - { name: "${recipient}", email: schulamt@kunde.example }\n`;
  const [eml] = await renderEmails(text);
  assert.match(eml.toString('latin1'), /^To: Schulamt =\?UTF-8\?Q\?f=C3=BCr\?= die /m);
  const mail = await simpleParser(eml);
  assert.deepEqual([mail.from.value[0].name, mail.to.value[0].name], [sender, recipient]);
  if (!HAS_PYTHON) return;
  const r = spawnSync('python3', ['-c', PYTHON], {
    input: JSON.stringify([eml.toString('base64')]),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const seen = JSON.parse(r.stdout);
  assert.equal(seen.length, 2);
  for (const { from, to } of seen)
    assert.deepEqual(
      [from, to],
      [[[sender, 'presse@sit.example']], [[recipient, 'schulamt@kunde.example']]],
    );
});
