// Link targets and raw HTML at library level, vector by vector: the check that rejects unsafe
// links (validation), the escaping of Markdown fields (view model) and the sanitising HTML
// renderer, which must hold even for Markdown that skipped both (defence in depth).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findUnsafeLinks, isSafeUrl } from '../../lib/incident/markdown-safety.js';
import { escapeMarkdown, neutralizeHtml } from '../../lib/view/escape.js';
import { lexMarkdown, renderHtmlBody, renderText } from '../../lib/formats/markdown.js';
import { commonMarkTexts, htmlBodyText, htmlDangers, markdownDangers } from './inspect.js';

const UNSAFE_TARGETS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\u0000script:alert(1)',
  '\u200bjavascript:alert(1)',
  'javas&#99;ript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript&#58;alert(1)',
  'jav&Tab;ascript:alert(1)',
  'jav&NewLine;ascript:alert(1)',
  '%6Aavascript:alert(1)',
  'javascript%3Aalert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2Zz4=',
  'DATA:text/html,x',
  'file:///etc/passwd',
  'ftp://files.example/x',
  'chrome://settings',
  'about:blank',
];

const SAFE_TARGETS = [
  'https://www.regioit.de/faq',
  'HTTP://EXAMPLE.ORG',
  'mailto:presse@regioit.de',
  'MAILTO:presse@regioit.de',
  'tel:+49241413590',
  '/datenschutz',
  './anhang.pdf',
  '../faq',
  '#kontakt',
  '?lang=de',
  '//cdn.example/x', // protocol-relative: http(s) of the page
  'https://example.org/javascript:alert(1)', // a path, not a scheme
];

test('isSafeUrl rejects script, data and other schemes however they are written', () => {
  for (const href of UNSAFE_TARGETS) assert.equal(isSafeUrl(href), false, JSON.stringify(href));
  for (const href of SAFE_TARGETS) assert.equal(isSafeUrl(href), true, href);
});

const LINK_FORMS = [
  (h) => `[Seite](${h})`,
  (h) => `[Seite](<${h}>)`,
  (h) => `[Seite](${h} "Titel")`,
  (h) => `![Bild](${h})`,
  (h) => `[Seite][1]\n\n[1]: ${h}`,
  (h) => `[Seite][ref]\n\n[REF]:\n  ${h}\n  "Titel"`,
  (h) => `[Seite]\n\n[Seite]: <${h}>`,
  (h) => `- Punkt mit [Link](${h})`,
  (h) => `> Zitat mit [Link](${h})`,
  (h) => `| a | b |\n| - | - |\n| [x](${h}) | y |`,
  (h) => `**[fett](${h})**`,
  (h) => `[![Bild](https://ok.example/i.png)](${h})`,
];

test('findUnsafeLinks finds an unsafe target in every link form', () => {
  const targets = UNSAFE_TARGETS.filter((h) => !/\s/.test(h) || h.startsWith(' '));
  for (const href of targets.map((h) => h.trim())) {
    for (const form of LINK_FORMS) {
      const md = form(href);
      assert.ok(findUnsafeLinks(md).length > 0, `not found: ${JSON.stringify(md)}`);
    }
  }
  for (const md of ['<javascript:alert(1)>', '<VBSCRIPT:x>', '[a](<java\tscript:alert(1)>)'])
    assert.ok(findUnsafeLinks(md).length > 0, md);
});

test('findUnsafeLinks reports where the target stands', () => {
  const md =
    'Erste Zeile.\n\nMehr [hier](javascript:alert(1)) und [dort](vbscript:x), <https://a@b.example/>.';
  assert.deepEqual(findUnsafeLinks(md), [
    { href: 'javascript:alert(1)', offset: md.indexOf('javascript'), reason: 'scheme' },
    { href: 'vbscript:x', offset: md.indexOf('vbscript'), reason: 'scheme' },
    { href: 'https://a@b.example/', offset: md.indexOf('https://a@'), reason: 'user' },
  ]);
});

test('findUnsafeLinks: a user name before the host, also in a relative or bare link', () => {
  for (const md of [
    '[Portal](https://portal.example@evil.example/)',
    '[Portal](//portal.example:pw@evil.example/)',
    'Siehe https://portal.example@evil.example/login',
  ])
    assert.deepEqual(
      findUnsafeLinks(md).map((l) => l.reason),
      ['user'],
      md,
    );
});

test('findUnsafeLinks leaves prose and safe links alone', () => {
  for (const md of [
    'Wir sind per E-Mail erreichbar: presse@regioit.de.',
    'Hinweis: Die Daten: sicher.',
    '[Kontakt](mailto:presse@regioit.de), [Web](https://regioit.de), [Tel.](tel:+49241)',
    '<https://regioit.de> und <presse@regioit.de>',
    '`javascript:alert(1)` im Code ist Text',
    ...SAFE_TARGETS.map((h) => `[x](${h})`),
  ])
    assert.deepEqual(findUnsafeLinks(md), [], md);
});

const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<object data="data:text/html,x"></object><embed src=x>',
  '<details open ontoggle=alert(1)>',
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<?xml-stylesheet href="javascript:alert(1)"?>',
  '<style>*{background:url(javascript:alert(1))}</style>',
  'https://x.example<img src=x onerror=alert(1)>',
  'www.x.example<svg onload=alert(1)>',
  'a@b.example<img src=x onerror=alert(1)>',
  '\\<img src=x onerror=alert(1)>',
  '`a``<img src=x onerror=alert(1)>`',
  '`a\n\n<img src=x onerror=alert(1)>`',
  'x `\ny ` <img src=x onerror=alert(1)> `',
  '| `a | <img src=x onerror=alert(1)>` |\n| - | - |\n| c | d |',
  '- `x\n<img src=x onerror=alert(1)>`',
  '  ```\n<img src=x onerror=alert(1)>\n```',
  '<div>\n\n*md*\n\n</div>',
  '<a\nhref="javascript:alert(1)">x</a>',
];

test('neutralized Markdown has no raw HTML for CommonMark or GFM', () => {
  for (const payload of HTML_PAYLOADS) {
    const md = neutralizeHtml(payload);
    assert.deepEqual(markdownDangers(md), [], `${JSON.stringify(payload)} → ${JSON.stringify(md)}`);
    assert.deepEqual(htmlDangers(renderHtmlBody(lexMarkdown(md))), [], payload);
  }
});

test('neutralized raw HTML reads as the text that was written', () => {
  for (const payload of [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)> und <b>fett</b>',
    'a < b und c > d',
    '\\<kein Tag\\>',
  ]) {
    const md = neutralizeHtml(payload);
    const expected = payload.replace(/\\([<>])/g, '$1');
    assert.deepEqual(commonMarkTexts(md), [expected], payload);
    assert.equal(htmlBodyText(renderHtmlBody(lexMarkdown(md))).trim(), expected, payload);
    assert.equal(renderText(lexMarkdown(md)), `${expected}\n`, payload);
  }
});

test('safe autolinks survive neutralizing and stay links', () => {
  const md = neutralizeHtml('Web: <https://regioit.de/faq> Mail: <presse@regioit.de>');
  const html = renderHtmlBody(lexMarkdown(md));
  assert.match(html, /<a href="https:\/\/regioit\.de\/faq">https:\/\/regioit\.de\/faq<\/a>/);
  assert.match(html, /<a href="mailto:presse@regioit\.de">presse@regioit\.de<\/a>/);
});

test('the HTML renderer is safe on its own: raw HTML, unsafe links and images from any Markdown', () => {
  const raw = [
    ...HTML_PAYLOADS,
    ...UNSAFE_TARGETS.filter((h) => !/\s/.test(h)).flatMap((h) =>
      LINK_FORMS.map((form) => form(h)),
    ),
    '<javascript:alert(1)>',
    '[a](https://a.example/" onmouseover="alert(1))',
    '[a](https://a.example "x\\" onmouseover=\\"alert(1)")',
    '[a](https://a.example "<img src=x onerror=alert(1)>")',
    '## <img src=x onerror=alert(1)> *Titel*',
    '```"><script>alert(1)</script>\ncode\n```',
  ];
  for (const md of raw) {
    const html = renderHtmlBody(lexMarkdown(md));
    assert.deepEqual(htmlDangers(html), [], `${JSON.stringify(md)} → ${html}`);
    assert.doesNotMatch(html, /<img|<svg|<iframe/i, md);
  }
});

test('an unsafe link is rendered as its label, a safe one as a link with an escaped title', () => {
  const html = renderHtmlBody(
    lexMarkdown('[Böse](javascript:alert(1)) [Gut](https://ok.example "a\\"b<c>")'),
  );
  assert.match(html, /Böse/);
  assert.doesNotMatch(html, /javascript/);
  assert.match(html, /<a href="https:\/\/ok\.example" title="a&quot;b&lt;c&gt;">Gut<\/a>/);
});

test('escapeMarkdown: plain text reads back literally, also next to GFM bare URLs', () => {
  for (const text of [
    'https://x.example/a_b*c&d=1',
    'www.x.example_y',
    'Mail an a_b@c.example*',
    'https://x.example<img src=x onerror=alert(1)>',
    '1. Mai',
    '- Liste',
    '> Zitat',
    '=== Titel',
    '# Überschrift #',
    '| a | b |',
    '~~durch~~ *fett* _kursiv_ `code` \\ &amp; &#60;',
    '[x](javascript:alert(1)) ![y](data:x) <u>',
    '{{org.name}}',
  ]) {
    const md = escapeMarkdown(text);
    assert.deepEqual(commonMarkTexts(md), [text], `CommonMark: ${text} → ${md}`);
    assert.equal(renderText(lexMarkdown(md)), `${text}\n`, `marked (GFM) text: ${text}`);
    assert.equal(htmlBodyText(renderHtmlBody(lexMarkdown(md))).trim(), text, `HTML: ${text}`);
    assert.deepEqual(markdownDangers(md), [], text);
    assert.doesNotMatch(renderHtmlBody(lexMarkdown(md)), /<a /, `no link made from ${text}`);
  }
});

test('code in a Markdown field shows its < as written in HTML and text; only the .md keeps &lt;', () => {
  const md = neutralizeHtml('Nummer: `<Kundennummer>`\n\n```\n<b>fett</b>\n```');
  assert.deepEqual(markdownDangers(md), []);
  const html = renderHtmlBody(lexMarkdown(md));
  assert.match(html, /<code>&lt;Kundennummer&gt;<\/code>/);
  assert.match(html, /<pre><code>&lt;b&gt;fett&lt;\/b&gt;<\/code><\/pre>/);
  assert.deepEqual(htmlDangers(html), []);
  assert.equal(renderText(lexMarkdown(md)), 'Nummer: <Kundennummer>\n\n<b>fett</b>\n');
});
