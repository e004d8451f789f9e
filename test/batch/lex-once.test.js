// Issue 19, "parse and lex once": each Markdown text of the incident file is lexed by marked once,
// although validation (the link safety check) and the view (headings demoted, fences closed) both
// read its tokens; and the tokens come out the same whichever stage lexed first.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Lexer } from 'marked';
import { checkIncident } from '../../lib/api.js';
import { lexText } from '../../lib/incident/markdown-tokens.js';
import { findUnsafeLinks } from '../../lib/incident/markdown-safety.js';
import { demoteHeadings } from '../../lib/view/escape.js';
import { TemplateEngine } from '../../lib/render/engine.js';
import { renderIncident } from '../../lib/render/render.js';
import { TemplateStore } from '../../lib/render/templates.js';
import { tempDir } from '../helpers.js';

const INCIDENT = `id: lex-once
lang: de
updated: 2026-05-26T14:00
organization:
  name: Zweckverband KDN
  website: https://www.kdn.example
  grammar: { gender: masculine, genitive: Zweckverbands KDN }
  about: |
    Der Zweckverband betreibt **Rechenzentren** für 65 Kommunen.
  contact: { name: Pressestelle, email: presse@kdn.example }
incident:
  status: unknown
  phase: investigating
  detected: 2026-05-20T12:30
  findings_expected: 2026-05-30
questions:
  - question: Wie erreiche ich die Verwaltung?
    answer: |
      Telefonisch. Für dringende Anliegen:

      - Bürgerbüro: Montag bis Freitag
      - [Notfallseite](https://notfall.example.org/)
`;

/** Every text marked's Lexer is asked to lex while `run` runs. */
async function lexedDuring(run) {
  const lexed = [];
  const original = Lexer.prototype.lex;
  Lexer.prototype.lex = function lex(src) {
    lexed.push(src);
    return original.call(this, src);
  };
  try {
    await run();
  } finally {
    Lexer.prototype.lex = original;
  }
  return lexed;
}

test('checking and rendering a file lex each Markdown text of it once', async (t) => {
  const file = join(tempDir(t), 'lex-once.yaml');
  writeFileSync(file, INCIDENT);
  const engine = new TemplateEngine(new TemplateStore());
  const lexed = await lexedDuring(async () => {
    const { incident } = await checkIncident(file);
    assert.ok(incident, 'the file is valid');
    await renderIncident(incident, engine, {
      variants: ['faq'],
      formats: ['html'],
      langs: ['de'],
      explicitFormats: true,
    });
  });
  for (const field of ['**Rechenzentren**', '[Notfallseite]'])
    assert.ok(
      lexed.some((text) => text.includes(field) && !text.includes('# ')),
      `the field with ${field} was lexed`,
    );
  const counts = new Map();
  for (const text of lexed) counts.set(text, (counts.get(text) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([text]) => text.slice(0, 60));
  assert.deepEqual(twice, [], 'no text is lexed twice');
});

test('the shared tokens are those of a fresh lexer, and no reader changes them', () => {
  const text = `## Heading\n\nSee [the page](https://example.org/) and <b>this</b>.\n\n- a\n- b\n`;
  const fresh = new Lexer({ gfm: true }).lex(text);
  const before = JSON.stringify(fresh);
  assert.deepEqual(findUnsafeLinks(text), []);
  assert.equal(demoteHeadings(text), demoteHeadings(text));
  assert.equal(JSON.stringify(lexText(text)), before);
  assert.equal(lexText(text), lexText(text), 'the same tokens, not a second lexing');
});
