// The README and docs/ stay short, linked and true: size, links, the quick start's commands and
// the incident file the README shows.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { checkIncident } from '../../lib/index.js';
import { ROOT } from '../helpers.js';

const README = join(ROOT, 'README.md');
const DOCS = join(ROOT, 'docs');
const pages = [README, ...readdirSync(DOCS).map((name) => join(DOCS, name))].filter((p) =>
  p.endsWith('.md'),
);

/** Fenced code blocks of a Markdown text: `{ lang, code }`. */
function codeBlocks(markdown) {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1],
    code: m[2],
  }));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown) {
  const outside = markdown.replace(/^```[\s\S]*?^```$/gm, '');
  return new Set([...outside.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1])));
}

test('the README stays under 12 KB', () => {
  const bytes = statSync(README).size;
  assert.ok(bytes < 12 * 1024, `README.md is ${bytes} bytes; move details into docs/`);
});

test('the quick start is exactly `npm install` then `npx faq render incidents/example.yaml`', () => {
  const [first] = codeBlocks(readFileSync(README, 'utf8')).filter((b) => b.lang === 'sh');
  assert.equal(first.code, 'npm install\nnpx faq render incidents/example.yaml\n');
});

test('every relative link of the README and docs/ names a file and heading that exist', () => {
  const broken = [];
  for (const page of pages) {
    const text = readFileSync(page, 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [path, anchor] = target.split('#');
      const file = path ? join(dirname(page), path) : page;
      const where = `${relative(ROOT, page)} → ${target}`;
      if (!existsSync(file)) broken.push(`${where}: no such file`);
      else if (anchor && !anchorsOf(readFileSync(file, 'utf8')).has(anchor))
        broken.push(`${where}: no such heading`);
    }
  }
  assert.deepEqual(broken, []);
});

test('the link checker sees a broken link and a broken anchor', () => {
  assert.equal(anchorOf('JSON output and `--quiet`'), 'json-output-and---quiet');
  assert.ok(anchorsOf('# A\n```\n# not a heading\n```\n## German grammar\n').has('german-grammar'));
  assert.ok(!anchorsOf('```\n# not a heading\n```\n').has('not-a-heading'));
});

test("every docs/ page is linked from the README's list", () => {
  const readme = readFileSync(README, 'utf8');
  const unlinked = readdirSync(DOCS).filter((name) => !readme.includes(`](docs/${name})`));
  assert.deepEqual(unlinked, []);
});

test('the incident file the README shows is valid', async () => {
  const yaml = codeBlocks(readFileSync(README, 'utf8')).find((b) => b.lang === 'yaml');
  const result = await checkIncident('README.yaml', { source: Buffer.from(yaml.code) });
  assert.deepEqual(result.diagnostics, []);
  assert.equal(result.incident?.id, 'stoerung-2026-11');
});
