// For any subject, sender and recipient name: the .eml keeps its limits (CRLF, 78 columns, 7-bit)
// and decodes, under Python's strict policy and mailparser, to exactly the text of the file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { checkIncident } from '../../lib/api.js';
import { TemplateEngine } from '../../lib/render/engine.js';
import { renderIncident } from '../../lib/render/render.js';
import { TemplateStore } from '../../lib/render/templates.js';

const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;
const engine = new TemplateEngine(new TemplateStore());

// Characters that stress header encoding: umlauts, symbols, encoded-word syntax, specials of
// address headers, Markdown syntax, astral characters, and long runs without spaces.
const CHARS = [
  ...'abcXYZ019 äöüÄÖÜß€–—„“"\'=?_:;,.<>()[]@\\#*`~|&!%+/',
  '😀',
  'Ω',
  'Donaudampfschifffahrtsgesellschaft',
  '=?UTF-8?Q?x?=',
];
const text = (max) =>
  fc
    .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: max })
    .map((parts) => parts.join(''))
    .filter((s) => s.trim() === s && s.trim().length > 0);

// Names too may look like encoded words ("=?UTF-8?Q?x?="): faq encodes them, so that parsers
// which decode "=?…?=" even inside quotes (Python, mailparser) show them as written.
const name = text(12);

function incidentSource({ subject, fromName, recipient }) {
  return `updated: 2026-11-26T15:00
approval: { by: Presse, at: 2026-11-26T15:00 }
organization: { name: regio iT }
incident: { status: unknown, detected: 2026-11-24, findings_expected: 2026-11-28 }
email:
  subject: ${JSON.stringify(subject)}
  from: { name: ${JSON.stringify(fromName)}, email: kundenservice@regioit.example }
  recipients:
    - name: ${JSON.stringify(recipient)}
      email: it@kunde.example
`;
}

async function renderEml(values) {
  const source = Buffer.from(incidentSource(values), 'utf8');
  const checked = await checkIncident('property.yaml', { source });
  assert.ok(checked.incident, JSON.stringify(checked.diagnostics));
  const { artifacts } = await renderIncident(checked.incident, engine, {
    variants: ['email'],
    formats: ['txt', 'eml'],
    langs: ['de'],
  });
  const eml = artifacts.find((a) => a.format === 'eml');
  const txt = artifacts.find((a) => a.format === 'txt');
  return { eml: Buffer.from(eml.content), txt: Buffer.from(txt.content).toString('utf8') };
}

const PYTHON = String.raw`
import base64, email, email.policy, json, sys
out = []
for item in json.load(sys.stdin):
    msg = email.message_from_bytes(base64.b64decode(item), policy=email.policy.strict)
    out.append({
        "subject": str(msg["Subject"]),
        "from": msg["From"].addresses[0].display_name,
        "to": msg["To"].addresses[0].display_name,
        "defects": [repr(d) for part in msg.walk() for d in part.defects],
        "text": msg.get_body(("plain",)).get_content().replace("\r\n", "\n"),
    })
json.dump(out, sys.stdout)
`;

test('any subject and names: limits hold and every parser decodes them exactly', async () => {
  const samples = fc.sample(fc.record({ subject: text(40), fromName: name, recipient: name }), {
    numRuns: 40,
    seed: 20261126,
  });
  const rendered = [];
  for (const values of samples) {
    const { eml, txt } = await renderEml(values);
    const raw = eml.toString('latin1');
    assert.ok(
      eml.every((b) => b < 128),
      `8-bit byte for ${JSON.stringify(values)}`,
    );
    for (const line of raw.split('\r\n')) {
      assert.doesNotMatch(line, /[\r\n]/, JSON.stringify(values));
      assert.ok(line.length <= 78, `${line.length}: ${line} for ${JSON.stringify(values)}`);
    }
    const mail = await simpleParser(eml);
    assert.equal(mail.subject, values.subject);
    assert.equal(mail.from.value[0].name, values.fromName);
    assert.equal(mail.to.value[0].name, values.recipient);
    assert.equal(mail.text, txt);
    rendered.push({ values, eml, txt });
  }
  if (!HAS_PYTHON) return;
  const r = spawnSync('python3', ['-c', PYTHON], {
    input: JSON.stringify(rendered.map((x) => x.eml.toString('base64'))),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const parsed = JSON.parse(r.stdout);
  for (const [i, { values, txt }] of rendered.entries()) {
    const p = parsed[i];
    const where = JSON.stringify(values);
    assert.deepEqual(p.defects, [], where);
    assert.equal(p.subject, values.subject, where);
    // Python keeps the space between two adjacent encoded words of a display name, which
    // RFC 2047 (section 6.2) says to drop; mailparser above compares them exactly.
    const squeeze = (s) => s.replace(/\s+/g, '');
    assert.equal(squeeze(p.from), squeeze(values.fromName), where);
    assert.equal(squeeze(p.to), squeeze(values.recipient), where);
    assert.equal(p.text, txt, where);
  }
});
