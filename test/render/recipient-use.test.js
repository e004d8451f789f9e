// Which templates use the recipient only plainly (src/render/recipient-use.ts): then a mail merge
// puts each recipient's fields into one render instead of rendering the template for each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Handlebars from 'handlebars';
import { usesRecipientPlainly } from '../../lib/render/recipient-use.js';

const plainly = (text, partials = {}) =>
  usesRecipientPlainly(Handlebars.parse(text), (name) =>
    name in partials ? Handlebars.parse(partials[name]) : undefined,
  );

test('printing and testing a field is plain, also in if/unless/else chains and partials', () => {
  for (const text of [
    'Text {{org.name}} ohne Empfänger',
    '{{recipient.salutation}}\n\n{{#if recipient.answer}}{{recipient.answer}}{{/if}}',
    '{{#if recipient}}{{#unless recipient.salutation}}x{{else if recipient.answer}}y{{/unless}}{{/if}}',
    '{{#each incident.affected}}- {{this}} {{@index}}{{/each}}',
    '{{#with org}}{{name}}{{/with}}',
    '{{#if (eq status "attack")}}A{{/if}} {{!-- recipient is mentioned here only --}}',
    '{{> gruss}}',
    '{{> gruss inEmail=true}}',
    '{{#*inline "zeile"}}{{recipient.answer}}{{/inline}}{{> zeile}}',
  ])
    assert.equal(plainly(text, { gruss: '{{recipient.salutation}}' }), true, text);
});

test('anything that could read a field otherwise is not plain', () => {
  for (const text of [
    '{{#if (eq recipient.name "Stadt")}}x{{/if}}',
    '{{#with recipient}}{{name}}{{/with}}',
    '{{#each recipient}}{{this}}{{/each}}',
    '{{recipient}}',
    '{{recipient.name.length}}',
    '{{this.recipient.answer.length}}',
    '{{@root.recipient.name}}',
    '{{#each incident.affected}}{{../recipient.name}}{{/each}}',
    '{{#each this}}{{/each}}',
    '{{lookup . "recipient"}}',
    '{{> gruss recipient}}',
    '{{> gruss wer=recipient}}',
    '{{#*inline "zeile"}}{{recipient.answer.length}}{{/inline}}{{> zeile}}',
    '{{#*inline "zeile"}}x{{/inline}}{{> zeile}}{{> gruss}}',
    '{{> (lookup . "p")}}',
    '{{> fehlt}}',
    '{{#> gruss}}x{{/gruss}}',
    '{{#eq recipient.name "x"}}y{{/eq}}',
    '{{#if recipient.answer includeZero=true}}x{{/if}}',
    '{{> gruss}}',
  ])
    assert.equal(plainly(text, { gruss: '{{#with recipient}}{{name}}{{/with}}' }), false, text);
});

test('the built-in e-mail templates use the recipient plainly', async () => {
  const { TemplateEngine, TemplateStore } = await import('../../lib/index.js');
  const engine = new TemplateEngine(new TemplateStore());
  for (const lang of ['de', 'en']) {
    const partial = (name) => engine.parse(`${lang}/partials/${name}.md.hbs`);
    assert.equal(usesRecipientPlainly(engine.parse(`${lang}/email.md.hbs`), partial), true, lang);
  }
});
