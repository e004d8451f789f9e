// The HTML artifacts the browser tests check: the example in every language, every fixture that
// `faq check` accepts (in every language it renders in), and this folder's own edge cases.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  existsSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { EXAMPLE, FIXTURES, ROOT, listFiles, runInProcess } from '../helpers.js';

export const OWN_INCIDENTS = join(ROOT, 'test', 'browser', 'incidents');

/** Languages that have templates: folders of templates/ with a Markdown template. */
export function templateLanguages() {
  const dir = join(ROOT, 'templates');
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (e) => e.isDirectory() && readdirSync(join(dir, e.name)).some((f) => f.endsWith('.md.hbs')),
    )
    .map((e) => e.name)
    .sort();
}

function incidentFiles() {
  const fixtures = existsSync(FIXTURES)
    ? readdirSync(FIXTURES)
        .map((name) => join(FIXTURES, name, 'incident.yaml'))
        .filter((file) => existsSync(file))
    : [];
  const own = readdirSync(OWN_INCIDENTS)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(OWN_INCIDENTS, f));
  return { fixtures, own };
}

/**
 * Four incidents for the index across incidents (issue 15 §4), each `updated` moved so that the
 * order is not the order of the dates: the resolved one is newer than two ongoing ones, the
 * recovering one is newer than the one under investigation. The one with customers (issue 16:
 * the index lists its kits) keeps its own, newest date. Expected order: customers, recovering,
 * investigating, resolved.
 */
export const INDEX_SET = [
  ['customers-regional', '2026-11-26T15:00'],
  ['malfunction-recovering', '2026-03-11T12:00'],
  ['attack-investigating', '2026-03-10T08:15'],
  ['unknown-resolved', '2026-03-12T09:00'],
];

/** Renders INDEX_SET together into `<out>/index-set/` (its pages are in other folders already). */
async function renderIndexSet(out, problems) {
  const files = INDEX_SET.map(([name, updated]) => {
    const file = join(out, `${name}.yaml`);
    const text = readFileSync(join(FIXTURES, name, 'incident.yaml'), 'utf8');
    writeFileSync(file, text.replaceAll('2026-03-10T08:15', updated));
    return file;
  });
  const dir = join(out, 'index-set');
  mkdirSync(dir);
  const r = await runInProcess(['render', ...files, '-o', dir, '--variant', 'faq,press,notice']);
  if (r.code !== 0) problems.push(`index set: render failed (${r.code}): ${r.stderr}`);
  for (const file of files) rmSync(file);
}

/** Fixtures whose check passes (some fixtures are broken on purpose). */
async function acceptedFixtures(files) {
  if (files.length === 0) return [];
  const r = await runInProcess(['check', '--json', ...files]);
  const report = JSON.parse(r.stdout);
  const ok = new Set(report.files.filter((f) => f.errors === 0).map((f) => f.file));
  return files.filter((file) => ok.has(file) || ok.has(file.slice(ROOT.length + 1)));
}

/** A minimal valid page around an HTML snippet (the banner), as a CMS would place it. */
export function wrapSnippet(snippet, lang) {
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Banner</title>\n</head>\n<body>\n<main>\n<h1>Startseite</h1>\n${snippet}</main>\n</body>\n</html>\n`;
}

/**
 * Renders every source into its own folder: all template languages when the file has texts for
 * them, else its own language. Returns the folder (removed by `cleanup`) and the sources.
 */
export async function renderArtifactSet() {
  const out = mkdtempSync(join(tmpdir(), 'faq-browser-'));
  const { fixtures, own } = incidentFiles();
  const sources = [EXAMPLE, ...(await acceptedFixtures(fixtures)), ...own];
  const langs = templateLanguages().join(',');
  const problems = [];
  for (const [i, file] of sources.entries()) {
    const dir = join(out, String(i).padStart(2, '0'));
    let r = await runInProcess(['render', file, '-o', dir, '--lang', langs]);
    if (r.code !== 0) r = await runInProcess(['render', file, '-o', dir]);
    if (r.code !== 0) problems.push(`${file}: render failed (${r.code}): ${r.stderr}`);
  }
  await renderIndexSet(out, problems);
  const html = listFiles(out)
    .filter((f) => f.endsWith('.html'))
    // Of the index set, only the index pages: its incidents' pages are checked above already,
    // and index.html is a copy of index.<lang>.html.
    .filter((f) => !f.startsWith('index-set/') || /^index-set\/index\.[a-z]+\.html$/.test(f))
    .map((rel) => {
      const [variant, lang] = basename(rel).split('.');
      const text = readFileSync(join(out, rel), 'utf8');
      if (variant !== 'banner') return { rel, path: join(out, rel), variant, lang, text };
      // The banner is a snippet for a CMS: it is checked inside the smallest page that holds it.
      const page = wrapSnippet(text, lang);
      const path = join(out, `${rel}.page.html`);
      writeFileSync(path, page);
      return { rel, path, variant, lang, text: page, snippet: text };
    });
  return {
    out,
    sources,
    problems,
    html,
    cleanup: () => rmSync(out, { recursive: true, force: true }),
  };
}
