// A mail merge renders each e-mail's common part once and puts each recipient's own fields in
// (src/render/mail-merge.ts). Its artifacts must be byte for byte those of rendering every
// recipient's e-mail on its own (`eachRecipientInFull`, how faq rendered before), for any
// recipients, templates and style sheets — where it cannot put an e-mail together, that e-mail
// is rendered in full.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkIncident } from '../../lib/api.js';
import { TemplateEngine } from '../../lib/render/engine.js';
import { renderIncident } from '../../lib/render/render.js';
import { TemplateStore } from '../../lib/render/templates.js';
import { ROOT, fixture, overlay, runCli } from '../helpers.js';

const SELECTION = { variants: ['email'], formats: ['html', 'md', 'txt', 'eml'] };

async function renderBothWays(incident, engine, selection = SELECTION) {
  const run = (options) =>
    renderIncident(incident, engine, selection, options).then(
      (r) => r,
      (error) => ({ error }),
    );
  // parseFrom 1: the template is analysed (recipient-use.ts) even for a few recipients;
  // mergeFrom 1: one recipient is merged too.
  return {
    merged: await run({ parseFrom: 1, mergeFrom: 1 }),
    inFull: await run({ eachRecipientInFull: true }),
  };
}

function assertSame({ merged, inFull }, label = '') {
  if (inFull.error || merged.error) {
    assert.ok(merged.error && inFull.error, `${label}: only one way failed: ${merged.error}`);
    assert.deepEqual(merged.error.diagnostics, inFull.error.diagnostics, label);
    return;
  }
  assert.deepEqual(
    merged.artifacts.map((a) => a.path),
    inFull.artifacts.map((a) => a.path),
    label,
  );
  merged.artifacts.forEach((a, n) => {
    const b = inFull.artifacts[n];
    assert.equal(
      Buffer.from(a.content).toString('utf8'),
      Buffer.from(b.content).toString('utf8'),
      `${label}: ${a.path}`,
    );
    assert.equal(a.sha256, b.sha256, a.path);
  });
  assert.deepEqual(merged.warnings, inFull.warnings, label);
}

async function load(file, source) {
  const checked = await checkIncident(file, source ? { source: Buffer.from(source) } : {});
  assert.ok(checked.incident, JSON.stringify(checked.diagnostics));
  return checked.incident;
}

const builtin = new TemplateEngine(new TemplateStore());

test('fifty hostile recipients: merged and rendered one by one give the same bytes', async () => {
  const incident = await load(fixture('mail-merge-fifty', 'incident.yaml'));
  assertSame(await renderBothWays(incident, builtin), 'all formats');
  assertSame(await renderBothWays(incident, builtin, { ...SELECTION, wrap: 60 }), 'wrap 60');
  const emlOnly = { variants: ['email'], formats: ['eml'], explicitFormats: true };
  assertSame(await renderBothWays(incident, builtin, emlOnly), 'eml only');
});

// Pieces of recipients' fields: Markdown of every kind (paragraphs are merged, the rest is
// rendered in full), umlauts and other scripts (they change the .eml's encodings), long lines
// (soft breaks), encoded-word look-alikes, and text juice would treat as code.
const WORDS = [
  'Stadt',
  'Düren',
  'Ωmega',
  'Школа',
  '😀',
  '**fett**',
  '_kursiv_',
  '`code`',
  '[Link](https://regioit.example/x)',
  '=?UTF-8?B?Q0VPIDxjZW9AYmFuay5leGFtcGxlPg==?=',
  '"Zitat"',
  '<b>',
  '&amp;',
  '{{x}}',
  '%>',
  'Donaudampfschifffahrtsgesellschaftskapitänswitwenrente',
  'a,',
  '100%',
];
const line = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 })
  .map((w) => w.join(' '));
const answer = fc.oneof(
  line,
  fc.array(line, { minLength: 2, maxLength: 3 }).map((ls) => ls.join('\n\n')),
  line.map((l) => `- ${l}\n- ${l}`),
  line.map((l) => `## ${l}\n\n${l}`),
  line.map((l) => `${l}  \n${l}`),
);
const recipient = fc.record(
  {
    name: line,
    email: fc.constantFrom('it@kunde.example', 'a.b@xn--mller-kva.example'),
    salutation: line,
    answer,
  },
  { requiredKeys: ['name'] },
);

function incidentSource(lang, recipients) {
  const items = recipients.map((r, n) => {
    const fields = Object.entries({ ...r, name: `${n + 1} ${r.name}` });
    return fields.map(([k, v], i) => `${i ? '   ' : '  -'} ${k}: ${JSON.stringify(v)}`).join('\n');
  });
  return `lang: ${lang}
updated: 2026-11-26T15:00
organization: { name: regio iT, contact: { email: presse@regioit.example } }
incident: { status: unknown, detected: 2026-11-24, findings_expected: 2026-11-28 }
email:
  recipients:
${items.join('\n')}
`;
}

test('any recipients, German or English: merged and rendered one by one give the same bytes', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('de', 'en'),
      fc.array(recipient, { minLength: 1, maxLength: 6 }),
      async (lang, recipients) => {
        const source = incidentSource(lang, recipients);
        const checked = await checkIncident('property.yaml', { source: Buffer.from(source) });
        // Some generated names give the same file name: such a file is refused, not rendered.
        fc.pre(checked.incident !== undefined);
        assertSame(await renderBothWays(checked.incident, builtin), source);
      },
    ),
    { numRuns: 30 },
  );
});

test('templates and style sheets it cannot merge: each e-mail rendered in full, the same bytes', async (t) => {
  const incident = await load(fixture('mail-merge-three', 'incident.yaml'));
  const template = builtin.store.read('de/email.md.hbs').text;
  const overlays = {
    'the name inside a sentence': {
      'de/email.md.hbs': template.replace(
        'hiermit informieren',
        'liebe {{recipient.name}}, hiermit informieren',
      ),
    },
    'a descendant selector': {
      'layouts/email.css': `${builtin.store.read('layouts/email.css').text}\n.message p { color: #222222; }\n`,
    },
    'a field compared': {
      'de/email.md.hbs': template.replace(
        '{{> regret}}',
        '{{> regret}}\n\n{{#if (eq recipient.salutation "Sehr geehrter Herr Müller,")}}Für Herrn Müller.{{/if}}',
      ),
    },
    'the recipient as a context': {
      'de/email.md.hbs': template.replace(
        '{{> regret}}',
        '{{> regret}}\n\n{{#with recipient}}{{#if answer}}Mit Antwort.{{/if}}{{/with}}',
      ),
    },
    'the recipient through @root in a partial': {
      'de/partials/regret.md.hbs': `${builtin.store.read('de/partials/regret.md.hbs').text}\n{{#each incident.affected}}{{@root.recipient.name}}{{/each}}\n`,
    },
    'the answer twice': {
      'de/email.md.hbs': template.replace(
        '{{recipient.answer}}',
        '{{recipient.answer}}\n\n{{recipient.answer}}',
      ),
    },
  };
  for (const [label, files] of Object.entries(overlays)) {
    const engine = new TemplateEngine(new TemplateStore(overlay(t, files)));
    const both = await renderBothWays(incident, engine);
    assertSame(both, label);
    assert.ok(both.merged.artifacts.length > 0, label);
  }
});

test('a leftover in a part only some recipients get fails the render at the first such file', async (t) => {
  const incident = await load(fixture('mail-merge-three', 'incident.yaml'));
  const template = builtin.store.read('de/email.md.hbs').text;
  const files = {
    'de/email.md.hbs': template.replace(
      '{{recipient.answer}}\n',
      '{{recipient.answer}}\n\nSiehe null.\n',
    ),
  };
  const engine = new TemplateEngine(new TemplateStore(overlay(t, files)));
  const both = await renderBothWays(incident, engine);
  assert.ok(both.merged.error, 'the leftover is found');
  assertSame(both, 'leftover');
  assert.match(both.merged.error.diagnostics[0].file, /email\.de\.stadt-dueren\.txt$/);
  assert.match(both.merged.error.diagnostics[0].message, /"null"/);
});

test('the CLI bundle merges the fixture e-mails (FAQ_TIMING counts them)', (t) => {
  // Only the built bundle shows this: it has its own copy of juice (scripts/build.mjs).
  const out = overlay(t, {});
  const r = runCli(['render', fixture('mail-merge-three', 'incident.yaml'), '-o', out], {
    env: { FAQ_TIMING: '1', FAQ_CACHE: '0' },
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /mail merge \(this thread\): 3 e-mails merged, 0 rendered in full/);
});

test('cc lists: each merged e-mail has its own Cc header, as rendered one by one', async () => {
  const cc = [
    ['x@a.example'],
    ['x@a.example'],
    ['y@b.example'],
    [],
    ['x@a.example', 'z@c.example'],
  ];
  const items = cc.map(
    (list, n) =>
      `  - { name: Kunde ${n}, email: k${n}@kunde.example${list.length ? `, cc: [${list}]` : ''} }`,
  );
  const source = `updated: 2026-11-26T15:00
organization: { name: regio iT, contact: { email: presse@regioit.example } }
incident: { status: unknown, detected: 2026-11-24, findings_expected: 2026-11-28 }
email:
  reply_to: { email: hotline@regioit.example }
  recipients:
${items.join('\n')}
`;
  const both = await renderBothWays(await load('cc.yaml', source), builtin);
  assertSame(both, 'cc');
  const emls = both.merged.artifacts.filter((a) => a.format === 'eml');
  emls.forEach((a, n) => {
    const text = Buffer.from(a.content).toString('latin1');
    assert.equal(/^Cc: (.*)$/m.exec(text)?.[1].trim(), cc[n].length ? cc[n].join(', ') : undefined);
    assert.match(text, /^Reply-To: hotline@regioit\.example\r$/m);
  });
});

test("a recipient's e-mail links no feed, merged or rendered in full, one recipient or three", async (t) => {
  // An overlay whose feed names the e-mail as its page, with the page layout (which shows a feed
  // link): a recipient's e-mail still has none, whichever way it is made.
  const variants = JSON.parse(readFileSync(join(ROOT, 'templates', 'variants.json'), 'utf8'));
  variants.feed.page = 'email';
  variants.email.layout = 'page';
  const engine = new TemplateEngine(
    new TemplateStore(overlay(t, { 'variants.json': JSON.stringify(variants) })),
  );
  const incident = await load(fixture('mail-merge-three', 'incident.yaml'));
  const selection = { variants: ['email', 'feed'], formats: ['html', 'atom'] };
  for (const count of [1, 3]) {
    const recipients = incident.email.recipients.slice(0, count);
    const one = { ...incident, email: { ...incident.email, recipients } };
    const both = await renderBothWays(one, engine, selection);
    assertSame(both, `${count} recipients`);
    const pages = both.merged.artifacts.filter((a) => a.path.endsWith('.html'));
    assert.equal(pages.length, count);
    for (const a of pages)
      assert.doesNotMatch(Buffer.from(a.content).toString(), /rel="alternate"/, a.path);
  }
});
