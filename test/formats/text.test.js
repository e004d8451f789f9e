import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lexMarkdown, renderText } from '../../lib/formats/markdown.js';

const text = (md, wrap) => renderText(lexMarkdown(md), wrap);

test('plain text has no markup, no entities and no hard breaks inside paragraphs', () => {
  const md =
    '# Titel\n\nEin **fetter** und _kursiver_ Satz\nüber zwei Zeilen mit `Code` und \\*Sternchen\\* &amp; &lt;b&gt;.\n\n- eins\n- zwei [Link](https://example.org/a)\n\n1. erstens\n2. zweitens\n';
  assert.equal(
    text(md),
    'Titel\n\nEin fetter und kursiver Satz über zwei Zeilen mit Code und *Sternchen* & <b>.\n\n- eins\n- zwei Link (https://example.org/a)\n\n1. erstens\n2. zweitens\n',
  );
});

test('--wrap breaks paragraphs and list items at word boundaries', () => {
  const out = text(
    'Dies ist ein ziemlich langer Absatz, der umbrochen werden muss.\n\n- ein Listeneintrag, der ebenfalls zu lang ist\n',
    24,
  );
  for (const line of out.split('\n')) assert.ok(line.length <= 24, line);
  assert.match(out, /^Dies ist ein ziemlich\nlanger Absatz, der\n/);
  assert.match(out, /\n- ein Listeneintrag, der\n {2}ebenfalls zu lang ist\n$/);
});

test('mailto links show the address once', () => {
  assert.equal(
    text('Schreiben Sie an [presse@example.org](mailto:presse@example.org).'),
    'Schreiben Sie an presse@example.org.\n',
  );
});

test('a tel: or mailto: link whose text shows the number or address is its text alone', () => {
  const cases = [
    ['[05555 123-999](tel:+495555123999)', '05555 123-999'],
    ['[+49 5555 123-999](tel:+495555123999)', '+49 5555 123-999'],
    ['[0049 (0) 5555 123999](tel:+495555123999)', '0049 (0) 5555 123999'],
    ['[Hotline 05555 123-999](tel:+49-5555-123999)', 'Hotline 05555 123-999'],
    ['[Presse@Example.org](mailto:presse@example.org?subject=Frage)', 'Presse@Example.org'],
    // Another number, or none, in the text: the number the link dials is shown after it.
    ['[05555 123-998](tel:+495555123999)', '05555 123-998 (+495555123999)'],
    ['[Hotline](tel:+495555123999)', 'Hotline (+495555123999)'],
    ['[Pressestelle](mailto:presse@example.org)', 'Pressestelle (presse@example.org)'],
    ['[Web](https://example.org/a)', 'Web (https://example.org/a)'],
  ];
  for (const [md, plain] of cases) assert.equal(text(md), `${plain}\n`, md);
});
