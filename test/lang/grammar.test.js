import assert from 'node:assert/strict';
import { test } from 'node:test';
import { germanForms, englishForms } from '../../lib/lang/grammar.js';

test('German article forms for every gender', () => {
  assert.deepEqual(germanForms('regio iT', 'feminine'), {
    nom: 'die regio iT',
    Nom: 'Die regio iT',
    gen: 'der regio iT',
    dat: 'der regio iT',
    acc: 'die regio iT',
    is: 'ist',
    has: 'hat',
  });
  const m = germanForms('Zweckverband KDN', 'masculine', 'Zweckverbands KDN');
  assert.equal(m.Nom, 'Der Zweckverband KDN');
  assert.equal(m.gen, 'des Zweckverbands KDN');
  assert.equal(m.dat, 'dem Zweckverband KDN');
  assert.equal(germanForms('Rechenzentrum', 'neuter', 'Rechenzentrums').gen, 'des Rechenzentrums');
  const p = germanForms('Stadtwerke Aachen', 'plural');
  assert.equal(p.is, 'sind');
  assert.equal(p.gen, 'der Stadtwerke Aachen');
  const none = germanForms('dataport', 'none');
  assert.equal(none.Nom, 'dataport', 'a name without article keeps its own case');
  assert.equal(none.gen, 'von dataport');
});

test('English uses the name and a possessive', () => {
  assert.equal(englishForms('regio iT', 'feminine').gen, "regio iT's");
  assert.equal(englishForms('Stadtwerke', 'plural').gen, "Stadtwerke's");
  assert.equal(englishForms('Services', 'plural').gen, "Services'");
  assert.equal(englishForms('Stadtwerke', 'plural').is, 'are');
});
