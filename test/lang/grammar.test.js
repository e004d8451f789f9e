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

test('the four forms, when given, are used as written; the sentence start capitalises the article', () => {
  const forms = {
    nom: 'das Kommunale Rechenzentrum Niederrhein',
    gen: 'des Kommunalen Rechenzentrums Niederrhein',
    dat: 'dem Kommunalen Rechenzentrum Niederrhein',
    acc: 'das Kommunale Rechenzentrum Niederrhein',
  };
  assert.deepEqual(
    germanForms('Kommunales Rechenzentrum Niederrhein', 'neuter', 'ignored', forms),
    {
      ...forms,
      Nom: 'Das Kommunale Rechenzentrum Niederrhein',
      is: 'ist',
      has: 'hat',
    },
  );
  const none = { nom: 'ekom21', gen: 'von ekom21', dat: 'ekom21', acc: 'ekom21' };
  assert.equal(germanForms('ekom21', 'none', undefined, none).Nom, 'ekom21');
  const plural = germanForms('Städtische Betriebe', 'plural', undefined, {
    nom: 'die Städtischen Betriebe',
    gen: 'der Städtischen Betriebe',
    dat: 'den Städtischen Betrieben',
    acc: 'die Städtischen Betriebe',
  });
  assert.equal(plural.Nom, 'Die Städtischen Betriebe');
  assert.equal(plural.is, 'sind');
  assert.equal(
    englishForms('Kommunales Rechenzentrum Niederrhein', 'neuter').nom,
    'Kommunales Rechenzentrum Niederrhein',
  );
});

test('the dative without forms: plural nouns take -n, a feminine name its genitive form', () => {
  assert.equal(germanForms('Stadtwerke Musterstadt', 'plural').dat, 'den Stadtwerken Musterstadt');
  assert.equal(
    germanForms('Berliner Wasserbetriebe', 'plural').dat,
    'den Berliner Wasserbetrieben',
  );
  assert.equal(germanForms('regio iT', 'feminine', 'regio iT').dat, 'der regio iT');
  assert.equal(
    germanForms('Kreis Beispielkreis', 'masculine', 'Kreises Beispielkreis').dat,
    'dem Kreis Beispielkreis',
  );
});
