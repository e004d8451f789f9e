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
