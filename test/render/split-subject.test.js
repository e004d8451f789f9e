// An e-mail's subject is its first heading: splitSubject lexes only the first block to find it,
// then the body once. Title, body and tokens must be what lexing the whole text first gave.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { inlineText, lexMarkdown } from '../../lib/formats/markdown.js';
import { normalizeMarkdown, splitSubject } from '../../lib/render/document.js';

const incident = { organization: { name: 'Stadtwerke' } };

/** The split as it was made before: the whole text lexed, then the body. */
function reference(full, config) {
  const allTokens = lexMarkdown(full);
  const first = allTokens.find((t) => t.type !== 'space');
  const title =
    first?.type === 'heading' && first.depth === 1
      ? inlineText(first.tokens)
      : incident.organization.name;
  if (!(config.titleIsSubject && first?.type === 'heading'))
    return { title, markdown: full, tokens: allTokens, bodyStart: 0 };
  const bodyStart = full.indexOf(first.raw) + first.raw.length;
  const markdown = normalizeMarkdown(full.slice(bodyStart));
  return { title, markdown, tokens: lexMarkdown(markdown), bodyStart };
}

function assertSame(full) {
  for (const titleIsSubject of [true, false]) {
    const config = { titleIsSubject };
    const ours = splitSubject(full, config, incident);
    const theirs = reference(full, config);
    const label = JSON.stringify(full);
    assert.equal(ours.title, theirs.title, label);
    assert.equal(ours.markdown, theirs.markdown, label);
    assert.deepEqual(ours.tokens, theirs.tokens, label);
    // The mail merge cuts each recipient's text at bodyStart and normalises the rest.
    assert.equal(
      normalizeMarkdown(full.slice(ours.bodyStart)),
      normalizeMarkdown(full.slice(theirs.bodyStart)),
      label,
    );
  }
}

test('the subject and the body are those of lexing the whole text', () => {
  for (const full of [
    '# Betreff\n\nSehr geehrte Damen und Herren,\n\nText.\n',
    '# Betreff\nText gleich darunter.\n',
    '# Betreff\n\n\n\nText.\n',
    'Betreff\n=======\n\nText.\n',
    '## Zweite Ebene\n\nText.\n',
    'Kein Betreff.\n\n# Später\n',
    '# Nur ein Betreff\n',
    '# [Link][1]\n\nText.\n\n[1]: https://example.org\n',
    '```\ncode\n\nmehr\n```\n\n# Betreff\n',
    '<div>\n\n# Betreff\n\n</div>\n',
    '\n\n# Betreff\n\nText.\n',
  ])
    assertSame(full);
});

test('any text: the same subject, body and tokens', () => {
  const pieces = [
    '# ',
    '## ',
    '=====',
    '-----',
    '\n',
    '\n\n',
    'Text',
    '[x][1]',
    '[1]: https://example.org',
    '[x]',
    '\\]:',
    '```',
    '- ',
    '> ',
    '<b>',
    '*',
    '    ',
    'ä',
  ];
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), {
        maxLength: 16,
      }),
      (parts) => assertSame(normalizeMarkdown(parts.join(''))),
    ),
    { numRuns: 300 },
  );
});
