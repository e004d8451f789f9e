// `customers:` in the incident file (issue 16): each customer's services are names of the
// top-level services, its name's German grammar is checked like the organisation's, and a file
// cannot have both customers and email.recipients.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextEncoder } from 'node:util';
import { checkIncident } from '../../lib/api.js';

const HEAD = `id: kunden
lang: de
updated: 2026-11-26T15:00
organization:
  name: regio iT
  contact: { email: presse@example.org }
incident:
  status: unknown
  detected: 2026-11-24
  findings_expected: 2026-11-28
services:
  - { name: Kfz-Zulassung, state: down }
  - { name: { de: Bürgerbüro, en: Citizens' office }, state: limited }
  - { name: Schulportal, state: restored }
`;

const check = (text) =>
  checkIncident('kunden.yaml', { source: new TextEncoder().encode(HEAD + text) });
const lineOf = (text, needle) => (HEAD + text).split('\n').findIndex((l) => l.includes(needle)) + 1;
const errors = (result) => result.diagnostics.filter((d) => d.severity === 'error');

test('a customer lists services by name or as { name, note }, mixed; both are found', async () => {
  const text = `customers:
  - name: Stadt Aachen
    email: it@aachen.example
    services:
      - Kfz-Zulassung
      - { name: Citizens' office, note: "Bürgerbüro Nord: nur mit Termin" }
`;
  const { incident, diagnostics } = await check(text);
  assert.deepEqual(diagnostics, []);
  const [customer] = incident.customers;
  assert.equal(customer.slug, 'stadt-aachen');
  assert.deepEqual(
    customer.services.map((s) => [s.name, s.service, s.note]),
    [
      ['Kfz-Zulassung', 0, undefined],
      ["Citizens' office", 1, 'Bürgerbüro Nord: nur mit Termin'],
    ],
  );
  // The customer is the mail merge's recipient, and the recipient knows its customer.
  assert.deepEqual(
    incident.email.recipients.map((r) => [r.name, r.email, r.slug, r.customer === customer]),
    [['Stadt Aachen', 'it@aachen.example', 'stadt-aachen', true]],
  );
});

test('an unknown service is an error at its own line, with the closest name', async () => {
  const text = `customers:
  - name: Stadt Aachen
    services:
      - Kfz-Zulasung
      - { name: Schulportl, note: Ab Montag }
      - Müllabfuhr
`;
  const result = await check(text);
  assert.equal(result.incident, undefined);
  const found = errors(result).map((d) => [d.line, d.path, d.message, d.hint]);
  assert.deepEqual(found, [
    [
      lineOf(text, 'Kfz-Zulasung'),
      'customers.0.services.0',
      '"Kfz-Zulasung" is not one of the services',
      'did you mean `Kfz-Zulassung`?',
    ],
    [
      lineOf(text, 'Schulportl'),
      'customers.0.services.1.name',
      '"Schulportl" is not one of the services',
      'did you mean `Schulportal`?',
    ],
    [
      lineOf(text, 'Müllabfuhr'),
      'customers.0.services.2',
      '"Müllabfuhr" is not one of the services',
      "valid: Kfz-Zulassung, Bürgerbüro, Citizens' office, Schulportal",
    ],
  ]);
});

test('a service listed twice for one customer, and two customers with one folder name, are errors', async () => {
  const text = `customers:
  - name: Stadt Aachen
    services: [Kfz-Zulassung, Kfz-Zulassung]
  - name: Stadt  Aachen
    services: [Schulportal]
`;
  const found = errors(await check(text)).map((d) => [d.path, d.message]);
  assert.deepEqual(found, [
    ['customers.0.services.1', '"Kfz-Zulassung" is listed twice for this customer'],
    [
      'customers.1.name',
      'customer "Stadt  Aachen" has the same folder name (stadt-aachen) as customer 1',
    ],
  ]);
});

test('customers and email.recipients in one file: an error that says how to move the recipients', async () => {
  const text = `email:
  recipients:
    - name: Stadt Eschweiler
customers:
  - name: Stadt Aachen
    services: [Kfz-Zulassung]
`;
  const [problem, ...rest] = errors(await check(text));
  assert.deepEqual(rest, []);
  assert.equal(problem.path, 'email.recipients');
  assert.equal(problem.line, lineOf(text, 'recipients:'));
  assert.match(problem.message, /both email\.recipients and customers/);
  assert.match(problem.hint, /move each recipient into customers .*delete email\.recipients/);
});

test('a customer that uses none of the services is a warning, and the file stays valid', async () => {
  const text = `customers:
  - name: Stadt Aachen
    services: [Kfz-Zulassung]
  - name: Gemeinde Simmerath
`;
  const { incident, diagnostics } = await check(text);
  assert.ok(incident);
  assert.deepEqual(
    diagnostics.map((d) => [d.severity, d.line, d.message]),
    [
      [
        'warning',
        lineOf(text, 'Simmerath'),
        'customer Gemeinde Simmerath uses none of the affected services: its e-mail says so, and it gets no notice',
      ],
    ],
  );
});

test("a customer's name is declined like the organisation's: a masculine one must say so", async () => {
  const text = `customers:
  - name: Kreis Düren
    services: [Kfz-Zulassung]
  - name: Stadtwerke Aachen
    services: [Kfz-Zulassung]
  - name: Kommunales Rechenzentrum Eifel
    grammar: { gender: neuter }
    services: [Kfz-Zulassung]
`;
  const found = errors(await check(text)).map((d) => [d.path, d.line, d.hint]);
  assert.equal(found.length, 3);
  assert.deepEqual(found[0].slice(0, 2), ['customers.0.name', lineOf(text, 'Kreis Düren')]);
  assert.match(found[0][2], /gender: masculine, forms: \{ nom: der Kreis Düren, gen: des Kreises/);
  assert.deepEqual(found[1].slice(0, 2), ['customers.1.name', lineOf(text, 'Stadtwerke')]);
  assert.match(found[1][2], /gender: plural/);
  assert.match(found[2][2], /gen: des Kommunalen Rechenzentrums Eifel/);
  // Declared, they pass; English alone does not decline.
  const declared = text
    .replace(
      'Kreis Düren\n',
      'Kreis Düren\n    grammar: { gender: masculine, genitive: Kreises Düren }\n',
    )
    .replace('Stadtwerke Aachen\n', 'Stadtwerke Aachen\n    grammar: { gender: plural }\n')
    .replace(
      '{ gender: neuter }',
      '{ gender: neuter, forms: { nom: das Kommunale Rechenzentrum Eifel, gen: des Kommunalen Rechenzentrums Eifel, dat: dem Kommunalen Rechenzentrum Eifel, acc: das Kommunale Rechenzentrum Eifel } }',
    );
  assert.deepEqual((await check(declared)).diagnostics, []);
});
