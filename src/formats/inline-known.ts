import { KNOWN_STYLES, type KnownStyles } from './known-styles.js';

/**
 * juice's result for a page styled by a sheet faq ships, without loading juice (with cheerio,
 * htmlparser2 and four copies of `entities`, a tenth of a cold render): undefined unless the
 * page is one whose result is certain. juice parses the page with htmlparser2 (entities not
 * decoded), gives every element the declarations of the rules that match it, drops the
 * `<style>` element and serialises the tree again. Under a sheet of bare element and class
 * selectors (checked by the build), what an element gets depends on its name and class alone:
 * the build records it per element (`known-styles.ts`). And serialising gives the page back
 * unchanged when it is made of exactly these: text without `<`, comments, `<!DOCTYPE html>`,
 * start tags `<name a="v">` (lower case, one space, double quotes, no empty or repeated
 * attribute, no `style` to merge — but the recorded tags faq writes with one), matching end tags, void elements without one, and nothing
 * htmlparser2 closes by itself (`IMPLIES_CLOSE`). Anything else is left to juice.
 * test/email/inline-known.test.js compares both on generated and real pages.
 */
export function inlineKnownCss(page: string): string | undefined {
  if (CODE_BLOCK.test(page)) return undefined;
  const sheet = onlyStyleSheet(page);
  const known = sheet === undefined ? undefined : KNOWN_STYLES.find((k) => k.sheet === sheet);
  if (!known) return undefined;
  const out: string[] = [];
  const open: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < page.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(page);
    if (!m) return undefined; // a `<` that starts nothing accepted here
    const [token, end, name, attributes] = m;
    if (end !== undefined) {
      if (open.pop() !== end) return undefined;
      out.push(token);
    } else if (name === 'style') {
      const close = page.indexOf('</style>', TOKEN.lastIndex);
      if (attributes !== '' || close < 0) return undefined;
      TOKEN.lastIndex = close + '</style>'.length; // juice removes the element
    } else if (name !== undefined) {
      const tag = styledTag(known, token, name, attributes!, open.at(-1));
      if (tag === undefined) return undefined;
      out.push(tag);
      if (!VOID.has(name)) open.push(name);
      if (name === 'title' && !skipTitle(page, out)) return undefined;
    } else out.push(page.slice(at, TOKEN.lastIndex));
  }
  return open.length === 0 ? out.join('') : undefined;
}

/** The text of the page's one `<style>` element, or undefined when there is not exactly one. */
function onlyStyleSheet(page: string): string | undefined {
  const start = page.search(/<style/i);
  const close = page.indexOf('</style>', start);
  if (start < 0 || close < 0 || !page.startsWith('<style>', start)) return undefined;
  // (Its text is raw up to `</style>`: the e-mail sheet's comment names `<style>` itself.)
  if (/<\/?style/i.test(page.slice(close + 1))) return undefined;
  return page.slice(start + '<style>'.length, close);
}

/** `<title>`'s text is read raw by htmlparser2 until `</title>`: taken as it is if it has no `<`. */
function skipTitle(page: string, out: string[]): boolean {
  const close = page.indexOf('</title>', TOKEN.lastIndex);
  if (close < 0 || page.slice(TOKEN.lastIndex, close).includes('<')) return false;
  out.push(page.slice(TOKEN.lastIndex, close));
  TOKEN.lastIndex = close;
  return true;
}

/** The start tag as juice writes it, or undefined when juice might treat it otherwise. */
function styledTag(
  known: KnownStyles,
  token: string,
  name: string,
  attributes: string,
  parent: string | undefined,
): string | undefined {
  if (parent !== undefined && IMPLIES_CLOSE[name]?.includes(parent)) return undefined;
  if (Object.hasOwn(known.tags, token)) return known.tags[token];
  const attrs = [...attributes.matchAll(ATTRIBUTE)].map((a) => [a[1]!, a[2]!]);
  const names = new Set(attrs.map(([n]) => n));
  if (names.size < attrs.length || names.has('style') || attrs.some(([, v]) => v === ''))
    return undefined;
  const classes = attrs.find(([n]) => n === 'class')?.[1];
  const ofSheet = classes?.split(/[\t\n\f\r ]+/).some((c) => known.classes.includes(c));
  const key = ofSheet ? `${name}.${classes}` : name;
  const added = Object.hasOwn(known.elements, key) ? known.elements[key] : undefined;
  if (!added) return undefined;
  for (const [n, v] of added) {
    const same = attrs.find(([existing]) => existing === n);
    if (same) same[1] = v;
    else attrs.push([n, v]);
  }
  return `<${name}${attrs.map(([n, v]) => ` ${n}="${v}"`).join('')}>`;
}

/**
 * juice replaces `{{…}}` and `<%…%>` in the whole document before parsing it, and puts them back
 * after: text like that can pair with text in another part of the page.
 */
export const CODE_BLOCK = /\{\{|\}\}|<%|%>|juice_code_block/i;

const TOKEN =
  /<!DOCTYPE html>|<!--(?!-?>)[\s\S]*?-->|<\/([a-z][a-z0-9]*)>|<([a-z][a-z0-9]*)((?: [a-z][a-z0-9-]*="[^"]*")*)>|[^<]+/y;
const ATTRIBUTE = / ([a-z][a-z0-9-]*)="([^"]*)"/g;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** htmlparser2 9's openImpliesClose for the elements the build records: opening the key closes an open one of these. */
const P = ['p'];
const IMPLIES_CLOSE: Readonly<Record<string, readonly string[]>> = {
  tr: ['tr', 'th', 'td'],
  th: ['th'],
  td: ['thead', 'th', 'td'],
  body: ['head', 'link', 'script'],
  li: ['li'],
  dd: ['dd', 'dt'],
  dt: ['dd', 'dt'],
  tbody: ['thead', 'tbody'],
  tfoot: ['thead', 'tbody'],
  ...Object.fromEntries(
    'p h1 h2 h3 h4 h5 h6 blockquote div dl hr main ol pre table ul section article aside header footer nav'
      .split(' ')
      .map((n) => [n, P]),
  ),
};
