/**
 * Escapes plain text for use inside Markdown, so that it reads back as the same text under any
 * CommonMark parser: inline syntax is always escaped, block syntax where the text starts.
 */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/[\\`*_[\]<>&|~#]/g, '\\$&');
  // A value may open a line: "1. Mai", "- x", "+ y", "= z", "> q" would start blocks there.
  return inline.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=>])/, '\\$1');
}

const AUTOLINK =
  /^<(?:https?:\/\/|mailto:|tel:)[^\s<>]*>|^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*>/;

/**
 * Makes Markdown from the incident file safe to publish: raw HTML is turned into text (shown as
 * written, never interpreted), so the Markdown artifact cannot carry tags into a CMS either.
 * Safe autolinks (`<https://…>`, `<mailto:…>`) stay links. Link targets were checked on validation.
 */
export function neutralizeHtml(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i]!;
    if (c === '\\') {
      out += markdown.slice(i, i + 2);
      i++;
    } else if (c === '`') {
      // Code spans and fences show their content literally already.
      const run = /^`+/.exec(markdown.slice(i))![0];
      const end = markdown.indexOf(run, i + run.length);
      if (end < 0) {
        out += run;
        i += run.length - 1;
      } else {
        out += markdown.slice(i, end + run.length);
        i = end + run.length - 1;
      }
    } else if (c === '<') {
      const auto = AUTOLINK.exec(markdown.slice(i));
      if (auto) {
        out += auto[0];
        i += auto[0].length - 1;
      } else out += '\\<';
    } else out += c;
  }
  return out;
}
