// `__proto__`, `constructor` and `prototype` keys are unknown keys like any other: reported at
// their position, and never able to change the prototype of an object (prototype pollution).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkIncident } from '../../lib/index.js';
import { parseIncidentSource } from '../../lib/incident/load.js';

const FILE = 'test/fixtures/hostile/rejected/prototype-keys/incident.yaml';

test('prototype keys are unknown keys at their position, and pollute nothing', async () => {
  const result = await checkIncident(FILE);
  assert.equal(result.incident, undefined);
  const found = result.diagnostics.map((d) => `${d.line}:${d.col} ${d.path}: ${d.message}`);
  for (const expected of [
    '4:3 organization.__proto__: unknown key "__proto__"',
    '5:3 organization.constructor: unknown key "constructor"',
    '10:1 __proto__: unknown key "__proto__"',
    '12:1 prototype: unknown key "prototype"',
    '14:28 questions.0.question.__proto__: unknown key "__proto__"',
  ])
    assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
  assert.equal({}.polluted, undefined);
  assert.equal({}.isAdmin, undefined);
  assert.equal(Object.prototype.polluted, undefined);
});

test('the loaded data keeps __proto__ as a plain own key', () => {
  const loaded = parseIncidentSource(FILE, readFileSync(FILE));
  assert.equal(loaded.ok, true);
  const data = loaded.loaded.data;
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
  assert.ok(Object.hasOwn(data, '__proto__'));
  assert.deepEqual(Object.getOwnPropertyDescriptor(data, '__proto__').value, { isAdmin: true });
  assert.equal(data.isAdmin, undefined);
  assert.equal(Object.getPrototypeOf(data.organization), Object.prototype);
  assert.equal(data.organization.polluted, undefined);
});
