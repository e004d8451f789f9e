// Property tests (fast-check): any text in a plain-text field — HTML, Markdown syntax, mustaches,
// entities, backslashes, tabs, right-to-left script, emoji — comes out literally: verbatim in txt,
// as the same text when the HTML is parsed back, as the same text when CommonMark reads the
// Markdown, exact in the e-mail headers; the render never crashes and leaves no placeholder.
// Library level (lib/) for speed; the same holds through the CLI (test/hostile/injection.test.js).
/* global structuredClone, TextEncoder, TextDecoder */ // Node globals the lint config does not list.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import YAML from 'yaml';
import { checkIncident, renderIncident, TemplateEngine, TemplateStore } from '../../lib/index.js';
import { findUnsafeCharacter } from '../../lib/incident/characters.js';
import { EXAMPLE, LEFTOVER, runInProcess, tempDir } from '../helpers.js';
import {
  commonMarkTexts,
  elementText,
  htmlBodyText,
  htmlDangers,
  markdownDangers,
} from '../hostile/inspect.js';

const engine = new TemplateEngine(new TemplateStore());
const base = YAML.parse(readFileSync(EXAMPLE, 'utf8'));
base.organization.contact.email = 'presse@regioit.example';
base.email.recipients = [{ name: 'Stadt Musterstadt', email: 'it@musterstadt.example' }];
// The short notices have their own texts: a long or non-GSM-7 value must not make the built-in
// SMS too long (an error at the field, tested in test/notices), which would hide the property.
const OWN = 'IT-Störung bei regio iT. Infos: https://www.regioit.de';
base.notices = {
  sms: { text: OWN },
  social: { text: OWN },
  banner: { text: OWN },
  phone: { text: 'IT-Störung bei regio iT.' },
};

/** Where each plain-text field goes in the incident file, and which variants show it. */
const FIELDS = {
  'organization.name': {
    set: (d, v) => (d.organization.name = v),
    variants: ['faq', 'press', 'email'],
  },
  'organization.city': { set: (d, v) => (d.organization.city = v), variants: ['press'] },
  'questions[].question': { set: (d, v) => (d.questions[0].question = v), variants: ['faq'] },
  'incident.affected[]': {
    set: (d, v) => (d.incident.affected[0] = v),
    variants: ['faq', 'email'],
  },
  'press.headline': { set: (d, v) => (d.press = { headline: v }), variants: ['press'] },
  'email.subject': { set: (d, v) => (d.email.subject = v), variants: ['email'] },
  'email.salutation': { set: (d, v) => (d.email.salutation = v), variants: ['email'] },
  'email.recipients[].name': {
    set: (d, v) => (d.email.recipients[0].name = v),
    variants: ['email'],
  },
  // Issue 12: a table cell, a link label and the text beside it.
  'services[].name': {
    set: (d, v) => {
      delete d.incident.affected;
      d.services = [{ name: v, state: 'limited' }];
    },
    variants: ['faq', 'press', 'email'],
  },
  'contacts.hotline.phone': {
    set: (d, v) => (d.contacts = { hotline: { phone: v } }),
    variants: ['faq', 'press', 'email'],
  },
  'contacts.hotline.hours': {
    set: (d, v) => (d.contacts = { hotline: { phone: '+49 241 1', hours: v } }),
    variants: ['faq', 'press', 'email'],
  },
};

/** Renders the incident with `value` in `field`; returns the artifacts by format. */
async function render(field, value) {
  const doc = structuredClone(base);
  FIELDS[field].set(doc, value);
  const source = new TextEncoder().encode(YAML.stringify(doc));
  const checked = await checkIncident(`${field}.yaml`, { source });
  assert.ok(checked.incident, `valid input: ${JSON.stringify(checked.diagnostics)}`);
  const { artifacts } = await renderIncident(checked.incident, engine, {
    variants: FIELDS[field].variants,
    formats: ['html', 'md', 'txt', 'eml'],
    langs: ['de'],
  });
  return artifacts.map((a) => ({ ...a, text: new TextDecoder().decode(a.content) }));
}

const MARKER = 'Qzmarkerzq';
const placements = new Map();
/** The artifacts in which a field shows at all, learnt once with a marker value. */
async function placementOf(field) {
  if (!placements.has(field)) {
    const found = (await render(field, MARKER)).filter((a) => a.text.includes(MARKER));
    placements.set(field, new Set(found.map((a) => a.path)));
  }
  return placements.get(field);
}

const FRAGMENTS = [
  '<script>alert(1)</script>',
  '<b>',
  '</b>',
  '<img src=x onerror=alert(1)>',
  '<!--',
  '-->',
  '&amp;',
  '&lt;',
  '&#60;',
  '&#x3C;',
  '&copy;',
  '&',
  '<',
  '>',
  '"',
  "'",
  '`',
  '``',
  '{{',
  '}}',
  '{{{',
  '{{org.name}}',
  '{{#each x}}',
  '{{> p}}',
  '{{!',
  '[',
  ']',
  '(',
  ')',
  '![',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '#',
  '## ',
  '|',
  '- ',
  '+ ',
  '1. ',
  '2) ',
  '> ',
  '=== ',
  '---',
  '\\',
  '\\\\',
  '\\*',
  'https://',
  'http://x.example/a_b',
  'www.',
  'www.x.example',
  '@',
  'a@b.example',
  ':',
  '//',
  '\t',
  ' ',
  '  ',
  '\u202E',
  '\u202C',
  '\u200F',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u00A0',
  '🛡️',
  '👩🏽‍💻',
  '🇩🇪',
  'ä',
  'ß',
  'Ω',
  'عمان',
  '=?UTF-8?B?SGFsbG8=?=',
  ',',
  ';',
  '.',
];
const CONTROL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff\r\n\u2028\u2029]/g;

/** The text without the characters check refuses (controls, bidi controls, stray joiners, …). */
function withoutRefused(text) {
  let rest = text;
  for (let found = findUnsafeCharacter(rest); found; found = findUnsafeCharacter(rest))
    rest = rest.slice(0, found.index) + rest.slice(found.index + found.char.length);
  return rest;
}

/** Hostile single-line text, as the schema accepts it (no refused characters, trimmed). */
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 4 })), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => withoutRefused(parts.join('').replace(CONTROL, '')).trim())
  .filter((s) => s !== '' && !LEFTOVER.test(s));

/** Text of a whole HTML document as a reader sees it: title and body, entities decoded. */
function htmlReadText(html) {
  return `${elementText(html, '<title>') ?? ''}\n${htmlBodyText(html)}`;
}

async function assertLiteral(field, value) {
  const where = await placementOf(field);
  const artifacts = await render(field, value);
  for (const a of artifacts) {
    assert.doesNotMatch(a.text, LEFTOVER, `${a.path}: placeholder left`);
    if (a.format === 'html') assert.deepEqual(htmlDangers(a.text), [], a.path);
    if (!where.has(a.path)) continue;
    const label = `${field} in ${a.path}: ${JSON.stringify(value)}`;
    if (a.format === 'txt') assert.ok(a.text.includes(value), `txt ${label}`);
    if (a.format === 'html') assert.ok(htmlReadText(a.text).includes(value), `html ${label}`);
    if (a.format === 'md')
      assert.ok(
        commonMarkTexts(a.text).some((b) => b.includes(value)),
        `md ${label}\n${a.text}`,
      );
    if (a.format === 'eml') {
      const mail = await simpleParser(a.text);
      const shown = [mail.subject, mail.to?.value[0].name, mail.from?.value[0].name, mail.text];
      assert.ok(
        shown.some((s) => s?.includes(value)),
        `eml ${label}`,
      );
      assert.equal(mail.to.value.length, 1, 'one recipient');
      assert.ok(htmlReadText(mail.html).includes(value) || mail.to.value[0].name === value);
    }
  }
}

test('each field shows somewhere, so the properties below are not vacuous', async () => {
  for (const field of Object.keys(FIELDS)) {
    const where = await placementOf(field);
    const formats = new Set([...where].map((p) => p.split('.').pop()));
    assert.ok(formats.size > 0, `${field} shows in no artifact`);
    if (field !== 'email.recipients[].name')
      assert.ok(formats.has('html'), `${field}: ${[...where]}`);
  }
});

for (const field of Object.keys(FIELDS)) {
  test(`property: any text in ${field} comes out literally in txt, html, md and eml`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, (value) => assertLiteral(field, value)),
      { numRuns: field === 'organization.name' ? 60 : 30 },
    );
  });
}

test('the example of issue 4 in every plain-text field', async () => {
  const value = '<script>alert(1)</script> Müller & Söhne "IT" <b>GmbH</b>';
  for (const field of Object.keys(FIELDS)) await assertLiteral(field, value);
});

const MARKDOWN_FRAGMENTS = [
  ...FRAGMENTS,
  '\n',
  '\n\n',
  '\n    ',
  '\n- ',
  '\n1. ',
  '\n> ',
  '\n```\n',
  '\n~~~\n',
  '\n| a | b |\n| - | - |\n',
  '[x](https://ok.example)',
  '[x](javascript:alert(1))',
  '[x][1]',
  '\n[1]: ',
  'javascript:',
  'javas&#99;ript:',
  'data:text/html,',
  'vbscript:',
  '<javascript:alert(1)>',
  '<https://ok.example>',
  '](',
  ')',
  '<a href="',
  '">',
  '<svg onload=alert(1)>',
  '<iframe src=',
  '<style>',
  'onerror=',
];

const clean = (s) => withoutRefused(s).trim();

/** Hostile Markdown, multi-line: random fragments, and always some bare URLs glued to a tag. */
const hostileMarkdown = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc
        .array(
          fc.oneof(
            fc.constantFrom(...MARKDOWN_FRAGMENTS),
            fc.string({ unit: 'grapheme', maxLength: 4 }),
          ),
          { minLength: 1, maxLength: 24 },
        )
        .map((parts) => clean(parts.join(''))),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.string({ maxLength: 6 }),
          fc.constantFrom(
            'https://x.example/a',
            'www.x.example',
            'a@b.example',
            'http://x.example/a_b',
          ),
          fc.constantFrom('', '\\', '\\\\', '_', '*'),
          fc.constantFrom(
            '<b>',
            '<img src=x onerror=alert(1)>',
            '<script>alert(1)</script>',
            '</p>',
          ),
        )
        .map((parts) => clean(parts.join(''))),
    },
  )
  .filter((s) => s !== '');

test('property: any Markdown in about, an answer or the signature is rejected at its line or renders inert', async () => {
  let rendered = 0;
  await fc.assert(
    fc.asyncProperty(
      hostileMarkdown,
      fc.constantFrom('about', 'answer', 'signature', 'update', 'note', 'alternatives'),
      async (md, where) => {
        const doc = structuredClone(base);
        if (where === 'about') doc.organization.about = md;
        if (where === 'answer') doc.questions[0].answer = md;
        if (where === 'signature') doc.email.signature = md;
        // Issue 12: the newest update (a lead), a note (a one-line table cell), the alternatives.
        if (where === 'update') doc.updates = [{ at: doc.updated, text: md }];
        if (where === 'note') {
          delete doc.incident.affected;
          doc.services = [{ name: 'Kfz', state: 'limited', note: md }];
        }
        if (where === 'alternatives') doc.contacts = { alternatives: md };
        const source = new TextEncoder().encode(YAML.stringify(doc));
        const checked = await checkIncident('markdown.yaml', { source });
        if (!checked.incident) {
          for (const d of checked.diagnostics) {
            assert.match(d.message, /link target .* is not allowed/, JSON.stringify(d));
            assert.ok(d.line > 1, 'at the line of the field');
          }
          return;
        }
        rendered += 1;
        const { artifacts } = await renderIncident(checked.incident, engine, {
          variants:
            where === 'signature'
              ? ['email']
              : ['about', 'answer'].includes(where)
                ? ['faq', 'press']
                : ['faq', 'press', 'email'],
          formats: ['html', 'md', 'txt'],
          langs: ['de'],
        });
        for (const a of artifacts) {
          const text = new TextDecoder().decode(a.content);
          if (a.format === 'html')
            assert.deepEqual(htmlDangers(text), [], `${a.path}: ${JSON.stringify(md)}`);
          if (a.format === 'md')
            assert.deepEqual(markdownDangers(text), [], `${a.path}: ${JSON.stringify(md)}`);
        }
      },
    ),
    { numRuns: 300 },
  );
  assert.ok(rendered > 100, `most inputs render (${rendered})`);
});

test('property, end to end: the built CLI prints any organisation name literally', async (t) => {
  const dir = tempDir(t);
  await fc.assert(
    fc.asyncProperty(hostileText, async (value) => {
      const doc = structuredClone(base);
      doc.organization.name = value;
      const file = join(dir, 'incident.yaml');
      writeFileSync(file, YAML.stringify(doc));
      const args = ['render', file, '--variant', 'faq', '--stdout', '--format'];
      const txt = await runInProcess([...args, 'txt']);
      assert.equal(txt.code, 0, txt.stderr);
      assert.ok(txt.stdout.includes(value), `txt: ${JSON.stringify(value)}`);
      const html = await runInProcess([...args, 'html']);
      assert.equal(html.code, 0, html.stderr);
      assert.equal(elementText(html.stdout, '<p class="org">').trim(), value);
      assert.deepEqual(htmlDangers(html.stdout), []);
      const md = await runInProcess([...args, 'md']);
      assert.ok(
        commonMarkTexts(md.stdout).some((b) => b.includes(value)),
        `md: ${JSON.stringify(value)}`,
      );
    }),
    { numRuns: 5 },
  );
});
