// The leftover scan (src/render/scan.ts): it must catch exactly what it caught when it walked
// every value of the incident for each output file, and it must walk them once per incident —
// a mail merge of 10,000 recipients took minutes when it did not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  InputError,
  TemplateEngine,
  TemplateStore,
  checkIncident,
  renderIncident,
} from '../../lib/index.js';
import { allowedLeftovers, scanText } from '../../lib/render/scan.js';
import { fixture } from '../helpers.js';

const NAMES = [
  'DATUM',
  'OPTION:',
  '[Individuell beantworten]',
  '{{',
  '}}',
  'undefined',
  'null',
  'NaN',
  'Invalid Date',
  '[object Object]',
];

/** The scan as it was: all values joined, searched for each name, per output file. */
function referenceScan(text, incident) {
  const texts = [];
  const collect = (value) => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) if (key !== 'file') collect(inner);
  };
  collect(incident);
  const source = texts.join('\n');
  const patterns = [
    /DATUM/,
    /OPTION:/,
    /\[Individuell beantworten\]/,
    /\{\{/,
    /\}\}/,
    /\bundefined\b/,
    /\bnull\b/,
    /\bNaN\b/,
    /Invalid Date/,
    /\[object Object\]/,
  ];
  for (const [n, pattern] of patterns.entries()) {
    const match = pattern.exec(text);
    if (match && !source.includes(NAMES[n])) {
      const before = text.slice(0, match.index).split('\n');
      return { name: NAMES[n], line: before.length, col: before.at(-1).length + 1 };
    }
  }
  return undefined;
}

function scan(text, incident) {
  try {
    scanText('x/faq.de.txt', text, allowedLeftovers(incident));
    return undefined;
  } catch (error) {
    assert.ok(error instanceof InputError);
    const [d] = error.diagnostics;
    assert.equal(d.file, 'x/faq.de.txt');
    return { name: /contains "(.*)": a placeholder/.exec(d.message)[1], line: d.line, col: d.col };
  }
}

const piece = fc.oneof(
  fc.constantFrom(...NAMES, 'NaN Systems', 'nullable', 'Stand: ', '\n', ' ', '{', '}'),
  fc.string({ maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
// Incident-shaped values: strings nested in objects and lists, and a `file` key that never counts.
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('name', 'answer', 'file', 'salutation'), tie('node'), {
      maxKeys: 3,
    }),
  ),
})).node;

test('the scan reports the same leftover at the same place as the scan it replaced', () => {
  fc.assert(
    fc.property(text, value, fc.option(text), (rendered, values, file) => {
      const incident = { file: file ?? 'x.yaml', values };
      assert.deepEqual(scan(rendered, incident), referenceScan(rendered, incident));
    }),
    { numRuns: 500 },
  );
});

test('a leftover is allowed where the incident has it, anywhere in its values, but not in its path', () => {
  const incident = {
    file: 'DATUM.yaml',
    organization: { name: 'NaN Systems' },
    email: { recipients: [{ name: 'a' }, { name: 'b', answer: { de: 'Gilt {{ nicht }}' } }] },
  };
  assert.equal(scan('NaN Systems und {{ und }}', incident), undefined);
  assert.deepEqual(scan('ok\nam DATUM', incident), { name: 'DATUM', line: 2, col: 4 });
  assert.deepEqual(scan('Wert: undefined', incident), { name: 'undefined', line: 1, col: 7 });
});

test('a mail merge reads each recipient once for the scan, not once per output file', async () => {
  const { incident } = await checkIncident(fixture('mail-merge-three', 'incident.yaml'));
  assert.ok(incident);
  const count = 12;
  let reads = 0;
  const recipients = Array.from({ length: count }, (_, n) => {
    const recipient = { name: `Gemeinde ${n}`, slug: `gemeinde-${n}` };
    const answer = `Antwort ${n}`;
    Object.defineProperty(recipient, 'answer', {
      enumerable: true,
      get: () => {
        if (n === 0) reads++;
        return answer;
      },
    });
    return recipient;
  });
  const engine = new TemplateEngine(new TemplateStore());
  const result = await renderIncident(
    { ...incident, email: { ...incident.email, recipients } },
    engine,
    { variants: ['email'], formats: ['md', 'txt'], langs: ['de'] },
  );
  assert.equal(result.artifacts.length, count * 2);
  // Its own e-mail reads it a few times; a scan per file would read it 2 × 12 times.
  assert.ok(reads < count, `the first recipient's answer was read ${reads} times`);
});
