import { FORMAT_NAMES } from '../formats/registry.js';
import { UsageError, type Selection } from '../shared.js';
import type { TemplateStore } from './templates.js';
import { readVariants } from './variants.js';

/**
 * A selection that produces no file at all would replace an incident's folder with an empty
 * one: it is a usage error, named before anything is rendered or written.
 */
export function checkSelectionProduces(store: TemplateStore, selection: Selection): void {
  const configs = readVariants(store);
  const where = store.overlayDir ? ` of ${store.display(store.overlayDir)}` : '';
  if (selection.variants.length === 0)
    throw new UsageError(
      `the templates${where} define no variants, so there is nothing to render; nothing was written`,
      'list at least one variant in variants.json',
    );
  const produced = selection.variants.some((v) =>
    configs[v]!.formats.some((f) => selection.formats.includes(f) && FORMAT_NAMES.includes(f)),
  );
  if (produced) return;
  const offered = selection.variants.map(
    (v) => `variant ${v} is made as ${configs[v]!.formats.join(', ') || 'nothing'}`,
  );
  throw new UsageError(
    `the selection produces no files: ${offered.join('; ')}${selection.explicitFormats ? `, but --format asks for ${selection.formats.join(', ')}` : ''}; nothing was written`,
    'choose formats that the chosen variants are made in',
  );
}
