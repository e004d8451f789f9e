// The e-mail layout's CSS is put on the elements without juice when the result is certain
// (src/formats/inline-known.ts, from what the build recorded of juice): byte for byte juice's
// result, on the e-mails of every fixture and on generated markup; anything else goes to juice.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkIncident } from '../../lib/api.js';
import { layOutPage } from '../../lib/formats/html.js';
import { DRAFT_BANNER_TAG } from '../../lib/formats/draft.js';
import { inlineCssWithJuice } from '../../lib/formats/inline-css.js';
import { inlineKnownCss } from '../../lib/formats/inline-known.js';
import { KNOWN_STYLES } from '../../lib/formats/known-styles.js';
import { buildDocument } from '../../lib/render/document.js';
import { TemplateEngine } from '../../lib/render/engine.js';
import { TemplateStore } from '../../lib/render/templates.js';
import { readVariants } from '../../lib/render/variants.js';
import { FIXTURES, fixture } from '../helpers.js';

const engine = new TemplateEngine(new TemplateStore());
const email = { name: 'email', config: readVariants(engine.store).email };

/** The e-mail pages of every fixture, before their CSS is inlined. */
async function fixturePages() {
  const pages = [];
  for (const name of readdirSync(FIXTURES).sort()) {
    let checked;
    try {
      checked = await checkIncident(fixture(name, 'incident.yaml'));
    } catch {
      continue;
    }
    if (!checked.incident) continue;
    for (const lang of ['de', 'en']) {
      try {
        pages.push({
          name: `${name} ${lang}`,
          page: layOutPage(buildDocument(checked.incident, email, lang, engine, {})),
        });
      } catch {
        // a language the file does not have
      }
    }
  }
  return pages;
}

test('the build recorded the e-mail sheet: every element by name, main.message by its class', () => {
  assert.equal(KNOWN_STYLES.length, 1);
  const [known] = KNOWN_STYLES;
  assert.deepEqual(known.classes, ['message']);
  assert.match(JSON.stringify(known.elements.p), /margin: 0 0 16px;/);
  assert.deepEqual(
    known.elements.td.map(([n]) => n),
    ['style', 'align', 'valign'],
  );
  assert.deepEqual(known.elements.strong, []);
});

test("every fixture's e-mail, drafts too: the same bytes as juice, without juice", async () => {
  const pages = await fixturePages();
  assert.ok(pages.length >= 20, `${pages.length} pages`);
  let drafts = 0;
  for (const { name, page } of pages) {
    const known = inlineKnownCss(page);
    assert.notEqual(known, undefined, `${name} went to juice`);
    assert.equal(known, await inlineCssWithJuice(page), name);
    if (page.includes(DRAFT_BANNER_TAG)) drafts += 1;
  }
  // The draft banner's own style is merged as juice merges it (recorded by the build).
  assert.ok(drafts >= 1, `${drafts} drafts`);
});

test('a draft banner with another style, or the banner tag changed, is left to juice', () => {
  const banner = framed(`${DRAFT_BANNER_TAG}<strong>DRAFT</strong></p>`);
  assert.notEqual(inlineKnownCss(banner), undefined);
  for (const other of [
    DRAFT_BANNER_TAG.replace('color:#000', 'color:#111'),
    DRAFT_BANNER_TAG.replace('role="note" ', ''),
    DRAFT_BANNER_TAG.replace('class="draft"', 'class="draft message"'),
  ])
    assert.equal(inlineKnownCss(framed(`${other}<strong>DRAFT</strong></p>`)), undefined, other);
});

const LAYOUT_HEAD =
  '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<title>T &amp; t</title>\n<style>';
const sheet = KNOWN_STYLES[0]?.sheet ?? '';
const framed = (body) =>
  `${LAYOUT_HEAD}${sheet}</style>\n</head>\n<body>\n<main class="message">\n${body}\n</main>\n</body>\n</html>\n`;

// Well-formed trees of the elements the e-mail has and some it may not (nested as HTML does not
// allow too: a list in a paragraph, a cell in a cell), now and then one piece of markup that is
// not well-formed or not written as htmlparser2 writes it.
const TAGS =
  'p ul ol li a strong em code pre blockquote h2 h3 table caption thead tbody tfoot tr th td dl dt dd span div section br hr img'.split(
    ' ',
  );
const VOID = new Set(['br', 'hr', 'img']);
const attribute = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '',
      ' href="https://x.de/?a=1&amp;b"',
      ' class="message"',
      ' class="language-js"',
      ' align="center"',
      ' id="q" data-x="a>b"',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ' style="color: red"',
      ' title=""',
      " title='x'",
      ' id="q"  ',
      ' class="message x"',
      ' ID="q"',
    ),
  },
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('text', 'Ä &amp; ö', '\n', ''),
    fc
      .tuple(fc.constantFrom(...TAGS), attribute, fc.array(tie('tree'), { maxLength: 3 }))
      .map(([t, a, children]) =>
        VOID.has(t) ? `<${t}${a}>` : `<${t}${a}>${children.join('')}</${t}>`,
      ),
  ),
}));
const poison = fc.constantFrom(
  '<P>x</P>',
  '<br/>',
  '</br>',
  '</p>',
  '<p>',
  '<!-- c -->',
  '<!---->',
  '<!-->',
  'a < b',
  '{{x}}',
  '<style>p{}</style>',
  '<title>x</title>',
  '<title>a<b</title>',
  '<section >x</section>',
);

test('generated markup: where the shortcut answers, it answers as juice does', async () => {
  let fast = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(tree, { maxLength: 6 }),
      fc.option(fc.tuple(fc.nat(), poison), { freq: 3 }),
      async (trees, bad) => {
        if (bad) trees.splice(bad[0] % (trees.length + 1), 0, bad[1]);
        const page = framed(trees.join(''));
        const known = inlineKnownCss(page);
        if (known === undefined) return;
        fast += 1;
        assert.equal(known, await inlineCssWithJuice(page));
      },
    ),
    { numRuns: 300, seed: 19 },
  );
  assert.ok(fast > 50, `${fast} of 300 without juice`);
});

test('markup htmlparser2 or juice would change (closed by itself, stray, written otherwise, with a style) goes to juice', () => {
  const cases = [
    '<p><ul><li>a</li></ul></p>',
    '<ul><li>a<li>b</li></li></ul>',
    '<table><tr><td>a<td>b</td></td></tr></table>',
    '<dl><dt>a<dd>b</dd></dt></dl>',
    '<p>a</p></p>',
    '<p>a',
    '</br>',
    '<br/>',
    '<p style="color: red">a</p>',
    '<a title="">a</a>',
    '<P>a</P>',
    '<p  id="x">a</p>',
    '<!-->',
  ];
  for (const body of cases) {
    const page = framed(body);
    assert.equal(inlineKnownCss(page), undefined, body);
  }
});

test('another style sheet, a second one, or template code in the page goes to juice', () => {
  const page = framed('<p>x</p>');
  assert.notEqual(inlineKnownCss(page), undefined);
  assert.equal(inlineKnownCss(page.replace('margin: 0 0 16px', 'margin: 0 0 17px')), undefined);
  assert.equal(inlineKnownCss(page.replace('</head>', '<style>p{}</style></head>')), undefined);
  assert.equal(inlineKnownCss(page.replace('<p>x</p>', '<p>{{x}}</p>')), undefined);
});
