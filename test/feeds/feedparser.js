// Parses Atom feeds with Python's feedparser (an independent parser): one process for all feeds.
// Missing locally: the tests skip with the reason; with FAQ_REQUIRE_BROWSER=1 (CI, which installs
// python3-feedparser in .ci/run) a missing parser fails instead.
import { spawnSync } from 'node:child_process';

const SCRIPT = `
import json, sys, feedparser
out = []
for text in json.load(sys.stdin):
    d = feedparser.parse(text.encode('utf-8'))
    out.append({
        'bozo': bool(d.bozo),
        'bozo_exception': str(d.get('bozo_exception', '')),
        'version': d.version,
        'feed': {k: d.feed.get(k) for k in ('id', 'title', 'updated', 'language', 'author')},
        'links': [dict(l) for l in d.feed.get('links', [])],
        'entries': [{
            'id': e.get('id'), 'title': e.get('title'), 'updated': e.get('updated'),
            'updated_parsed': list(e.get('updated_parsed') or []),
            'content': [dict(c) for c in e.get('content', [])],
            'links': [dict(l) for l in e.get('links', [])],
        } for e in d.entries],
    })
json.dump(out, sys.stdout)
`;

// Debian's python3 first: a pyenv or venv python3 earlier on PATH does not see apt's packages.
const PYTHONS = ['/usr/bin/python3', 'python3'];
let python;

/** Why feedparser cannot run here, or undefined when it can. */
export function feedparserMissing() {
  python ??= PYTHONS.find(
    (p) => spawnSync(p, ['-c', 'import feedparser'], { encoding: 'utf8' }).status === 0,
  );
  if (python) return undefined;
  const reason = 'python3-feedparser is not installed (apt-get install python3-feedparser)';
  if (process.env.FAQ_REQUIRE_BROWSER === '1')
    throw new Error(`${reason}, and FAQ_REQUIRE_BROWSER=1 requires it`);
  return reason;
}

/** feedparser's reading of each feed text. */
export function parseFeeds(texts) {
  const run = spawnSync(python, ['-c', SCRIPT], {
    input: JSON.stringify(texts),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(`feedparser failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
