// Where a batch spends its time, per incident file, on one warm thread: checking, and rendering
// by format. Uses the library in lib/ (run `npm run build` first) and the benchmark's generated
// incidents (.bench/incidents/, made here if missing).
//
//   node scripts/bench/phases.mjs [--files N]
//
// For a profile of the whole CLI: node --cpu-prof bin/faq.js render … (open the .cpuprofile in
// Chrome's DevTools), or FAQ_TIMING=1 for the batch's own summary.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lib = (path) => import(pathToFileURL(join(ROOT, 'lib', path)).href);
const i = process.argv.indexOf('--files');
const count = i >= 0 ? Number(process.argv[i + 1]) : 300;

const dir = join(ROOT, '.bench', 'incidents');
if (!existsSync(dir) || readdirSync(dir).length < count) generate(join(ROOT, '.bench'), count);
const files = readdirSync(dir)
  .sort()
  .slice(0, count)
  .map((f) => join(dir, f));

const { checkIncident } = await lib('api.js');
const { TemplateStore } = await lib('render/templates.js');
const { TemplateEngine } = await lib('render/engine.js');
const { renderIncident } = await lib('render/render.js');
const { FORMATS, FORMAT_NAMES } = await lib('formats/registry.js');
const { readVariants } = await lib('render/variants.js');

const store = new TemplateStore();
const engine = new TemplateEngine(store);
const variants = Object.keys(readVariants(store));
const spent = {};
for (const [name, format] of Object.entries(FORMATS)) {
  const load = format.load;
  format.load = async () => {
    const module = await load();
    return {
      ...module,
      async render(doc) {
        const started = performance.now();
        const result = await module.render(doc);
        const key = name === 'html' ? `html (${doc.config.layout})` : name;
        spent[key] = (spent[key] ?? 0) + performance.now() - started;
        return result;
      },
    };
  };
}

const per = (ms) => `${(ms / files.length).toFixed(2)} ms`;
for (const pass of ['first pass (cold)', 'second pass (warm)']) {
  for (const key of Object.keys(spent)) spent[key] = 0;
  let started = performance.now();
  const checked = [];
  for (const file of files) checked.push(await checkIncident(file));
  const check = performance.now() - started;
  started = performance.now();
  for (const { incident } of checked)
    await renderIncident(incident, engine, {
      variants,
      formats: FORMAT_NAMES,
      langs: [incident.lang],
      explicitFormats: false,
    });
  const render = performance.now() - started;
  const formats = Object.values(spent).reduce((a, b) => a + b, 0);
  console.log(`${pass}, ${files.length} files, per file:`);
  console.log(`  ${'check (YAML, schema, rules, Markdown safety)'.padEnd(46)}${per(check)}`);
  console.log(`  ${'render'.padEnd(46)}${per(render)}`);
  for (const [key, ms] of Object.entries(spent)) console.log(`    ${key.padEnd(42)}${per(ms)}`);
  console.log(`    ${'view model, templates, Markdown lexing'.padEnd(42)}${per(render - formats)}`);
}
