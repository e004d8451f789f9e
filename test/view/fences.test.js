// A code fence that a Markdown field opens and never closes swallowed the rest of the template
// (issue 10, finding 16): the next section and its date became code, an e-mail's signature
// ended up in <pre>. Each field now ends where it ends, in every variant and format.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Parser } from 'commonmark';
import { simpleParser } from 'mailparser';
import { renderFiles } from '../../lib/api.js';
import { closeOpenFence } from '../../lib/view/escape.js';
import { EXAMPLE, tempDir } from '../helpers.js';

/** The example, with an unclosed fence at the end of every Markdown field, and a recipient. */
function unclosedEverywhere() {
  return readFileSync(EXAMPLE, 'utf8')
    .replace(/( {6}Sie betreibt zertifizierte.*\n)/, '$1\n      ```\n      about-code\n')
    .replace(/( {8}Die forensischen Untersuchungen.*\n)/, '$1\n        ~~~~\n        answer-code\n')
    .replace(/( {6}Ihre regio iT\n)/, '$1\n      ```\n      signature-code\n')
    .replace(
      / {2}# recipients:\n/,
      '  recipients:\n    - name: Stadt Musterstadt\n      email: it@musterstadt.example\n' +
        '      answer: "Gern:\\n\\n```\\nrecipient-code"\n',
    );
}

const CODE = /^(about|answer|signature|recipient)-code$/;

/** The code blocks of a Markdown text, as a CommonMark parser reads them. */
function codeBlocks(markdown) {
  const walker = new Parser().parse(markdown).walker();
  const blocks = [];
  for (let event = walker.next(); event; event = walker.next())
    if (event.entering && event.node.type === 'code_block') blocks.push(event.node.literal.trim());
  return blocks;
}

test('an unclosed fence ends with its field in faq, press and email, in md, html, txt and eml', async (t) => {
  const file = join(tempDir(t), 'fences.yaml');
  writeFileSync(file, unclosedEverywhere());
  const { artifacts } = await renderFiles({
    files: [file],
    dryRun: true,
    variants: ['faq', 'press', 'email'],
  });
  const text = (a) => Buffer.from(a.content).toString('utf8');
  const seen = new Set();
  for (const a of artifacts) {
    seen.add(`${a.variant}.${a.format}`);
    if (a.format === 'md') {
      for (const block of codeBlocks(text(a))) assert.match(block, CODE, `${a.path}: ${block}`);
    } else if (a.format === 'html' || a.format === 'eml') {
      const html = a.format === 'eml' ? (await simpleParser(Buffer.from(a.content))).html : text(a);
      const pres = [...html.matchAll(/<pre[^>]*>([\s\S]*?)<\/pre>/g)].map((m) =>
        m[1].replace(/<[^>]+>/g, '').trim(),
      );
      assert.ok(pres.length > 0, a.path);
      for (const pre of pres) assert.match(pre, CODE, `${a.path}: ${pre}`);
    } else if (a.format === 'txt') {
      // As code, the template's Markdown would show: "## " headings, "\" line breaks.
      assert.doesNotMatch(text(a), /^#+ |\\$/m, a.path);
    }
  }
  for (const v of ['faq', 'press', 'email'])
    for (const f of ['md', 'html', 'txt']) assert.ok(seen.has(`${v}.${f}`), `${v}.${f}`);
  assert.ok(seen.has('email.eml'));
  // The sections after the fields are still there as headings, with their dates.
  const faq = text(artifacts.find((a) => a.path.endsWith('/faq.de.html')));
  assert.match(
    faq,
    /<h2 id="[^"]+">Wann gibt es neue Informationen\?<\/h2>\n<p>Wir rechnen damit, dass wir am 28\. November 2026/,
  );
  const press = text(artifacts.find((a) => a.path.endsWith('/press.de.html')));
  assert.match(press, /<h2 id="[^"]+">Pressekontakt<\/h2>/);
});

test('closeOpenFence closes only what is open, with the fence that opened it', () => {
  assert.equal(closeOpenFence('a\n\n```js\nx'), 'a\n\n```js\nx\n```\n');
  assert.equal(closeOpenFence('~~~~\nx\n~~~\n'), '~~~~\nx\n~~~\n~~~~\n', 'a shorter fence is code');
  for (const closed of ['```\nx\n```\n', '```\nx\n````', 'no fence', '- ```\n  x', '> ```\n> x'])
    assert.equal(closeOpenFence(closed), closed);
});
