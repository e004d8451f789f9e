// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), field by field: what a feed may contain,
// which fields are required and what each must be. Returns the problems, empty when it conforms.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const isString = (v) => typeof v === 'string';
const isUrl = (v) => isString(v) && URL.canParse(v);

const AUTHOR = { name: isString, url: isUrl, avatar: isUrl };
const FEED = {
  version: (v) => v === 'https://jsonfeed.org/version/1.1',
  title: isString,
  home_page_url: isUrl,
  feed_url: isUrl,
  description: isString,
  user_comment: isString,
  next_url: isUrl,
  icon: isUrl,
  favicon: isUrl,
  authors: (v) => Array.isArray(v),
  language: (v) => isString(v) && /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(v),
  expired: (v) => typeof v === 'boolean',
  hubs: (v) => Array.isArray(v),
  items: (v) => Array.isArray(v),
};
const ITEM = {
  id: isString,
  url: isUrl,
  external_url: isUrl,
  title: isString,
  content_html: isString,
  content_text: isString,
  summary: isString,
  image: isUrl,
  banner_image: isUrl,
  date_published: (v) => isString(v) && RFC3339.test(v),
  date_modified: (v) => isString(v) && RFC3339.test(v),
  authors: (v) => Array.isArray(v),
  tags: (v) => Array.isArray(v) && v.every(isString),
  language: FEED.language,
  attachments: (v) => Array.isArray(v),
};

function checkFields(where, object, fields, problems) {
  if (!object || typeof object !== 'object' || Array.isArray(object))
    return problems.push(`${where}: not an object`);
  for (const [key, value] of Object.entries(object)) {
    // Extensions start with an underscore; anything else must be a field of the spec.
    if (key.startsWith('_')) continue;
    if (!(key in fields)) problems.push(`${where}.${key}: not a field of JSON Feed 1.1`);
    else if (!fields[key](value))
      problems.push(`${where}.${key}: invalid value ${JSON.stringify(value)}`);
  }
}

/** The problems of a parsed JSON Feed 1.1 document. */
export function jsonFeedProblems(feed) {
  const problems = [];
  checkFields('feed', feed, FEED, problems);
  for (const key of ['version', 'title', 'items'])
    if (feed?.[key] === undefined) problems.push(`feed.${key}: required`);
  for (const [i, author] of (feed?.authors ?? []).entries()) {
    checkFields(`feed.authors[${i}]`, author, AUTHOR, problems);
    if (!author.name && !author.url && !author.avatar)
      problems.push(`feed.authors[${i}]: needs name, url or avatar`);
  }
  const ids = new Set();
  for (const [i, item] of (feed?.items ?? []).entries()) {
    const where = `feed.items[${i}]`;
    checkFields(where, item, ITEM, problems);
    if (!isString(item.id) || item.id === '') problems.push(`${where}.id: required, a string`);
    if (ids.has(item.id)) problems.push(`${where}.id: not unique`);
    ids.add(item.id);
    if (item.content_html === undefined && item.content_text === undefined)
      problems.push(`${where}: needs content_html or content_text`);
  }
  return problems;
}
