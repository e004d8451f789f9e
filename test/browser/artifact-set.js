// The HTML artifacts the browser tests check: the example in every language, every fixture that
// `faq check` accepts (in every language it renders in), and this folder's own edge cases.
import { mkdtempSync, readdirSync, existsSync, readFileSync, rmSync } from 'node:fs';
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

/** Fixtures whose check passes (some fixtures are broken on purpose). */
async function acceptedFixtures(files) {
  if (files.length === 0) return [];
  const r = await runInProcess(['check', '--json', ...files]);
  const report = JSON.parse(r.stdout);
  const ok = new Set(report.files.filter((f) => f.errors === 0).map((f) => f.file));
  return files.filter((file) => ok.has(file) || ok.has(file.slice(ROOT.length + 1)));
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
  const html = listFiles(out)
    .filter((f) => f.endsWith('.html'))
    .map((rel) => {
      const [variant, lang] = basename(rel).split('.');
      return {
        rel,
        path: join(out, rel),
        variant,
        lang,
        text: readFileSync(join(out, rel), 'utf8'),
      };
    });
  return {
    out,
    sources,
    problems,
    html,
    cleanup: () => rmSync(out, { recursive: true, force: true }),
  };
}
