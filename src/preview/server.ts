import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { UsageError } from '../shared.js';
import { FORMATS } from '../formats/registry.js';
import { readRegularFileSync } from '../incident/regular-file.js';
import { TemplateStore } from '../render/templates.js';
import { PREVIEW_CLIENT } from './client.js';
import { renderPreviewPage, type Sources } from './page.js';
import { takeSnapshot, type Snapshot } from './snapshot.js';
import { watchInputs } from './watcher.js';

export interface PreviewOptions {
  file: string;
  templates?: string;
  /** 0 picks a free port. */
  port: number;
  /** Called after every re-render that changed what the page shows. */
  onUpdate?: (snapshot: Snapshot, version: number) => void;
}

export interface PreviewServer {
  url: string;
  /** What the page shows now. */
  current(): { snapshot: Snapshot; version: number };
  close(): Promise<void>;
}

const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; " +
  "frame-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// An artifact opened on its own: no scripts, no requests, a unique origin.
const ARTIFACT_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

function isShownInBrowser(mediaType: string): boolean {
  return /^text\//.test(mediaType);
}

/** The texts of the files the diagnostics point at, for the lines shown around each problem. */
function readSources(snapshot: Snapshot): Sources {
  const sources = new Map<string, string>();
  let builtin: string | undefined;
  const files = [...snapshot.diagnostics, ...snapshot.missing.flatMap((m) => m.diagnostics)].map(
    (d) => d.file,
  );
  for (const file of new Set(files)) {
    const candidates = [resolve(file)];
    if (file.startsWith('templates/')) {
      builtin ??= new TemplateStore().builtinDir;
      candidates.unshift(join(builtin, file.slice('templates/'.length)));
    }
    for (const path of candidates) {
      try {
        // Never a FIFO or device (the incident path may have become one): it would block here.
        sources.set(file, readRegularFileSync(path).toString('utf8'));
        break;
      } catch {
        // Not readable (gone, or a display name): the problem is shown without its lines.
      }
    }
  }
  return sources;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  headers = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...headers,
  });
  res.end(body);
}

/**
 * The path below the secret prefix (`/<token>/…` → `/…`), or undefined without the right token:
 * any local user can reach 127.0.0.1, only the one who started the preview knows the token.
 */
function pathBelowToken(path: string, token: string): string | undefined {
  const end = path.indexOf('/', 1);
  const given = Buffer.from(end === -1 ? path.slice(1) : path.slice(1, end));
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return undefined;
  return end === -1 ? '' : path.slice(end);
}

/**
 * Serves the preview of one incident file on 127.0.0.1 and re-renders it when the file or a
 * template of the overlay changes; open pages learn of each new version by server-sent events.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  let snapshot = await takeSnapshot(options.file, options.templates);
  let sources = readSources(snapshot);
  let version = 1;
  const clients = new Set<ServerResponse>();
  const broadcast = (): void => {
    for (const res of clients) res.write(`event: version\ndata: ${version}\n\n`);
  };

  let running: Promise<void> | undefined;
  let again = false;
  const refresh = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        const next = await takeSnapshot(options.file, options.templates, snapshot);
        if (next.fingerprint === snapshot.fingerprint) continue;
        snapshot = next;
        sources = readSources(next);
        version++;
        broadcast();
        options.onUpdate?.(snapshot, version);
      } while (again);
    })().finally(() => {
      running = undefined;
    });
  };

  let allowedHosts = new Set<string>();
  const token = randomBytes(18).toString('base64url');
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    // A page on another site must not read the preview through a DNS name pointing at 127.0.0.1.
    if (!allowedHosts.has(req.headers.host ?? ''))
      return send(res, 403, 'text/plain', 'forbidden host\n');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'method not allowed\n', { allow: 'GET, HEAD' });
    let full: string;
    try {
      full = decodeURIComponent(new URL(req.url ?? '/', 'http://preview').pathname);
    } catch {
      return send(res, 400, 'text/plain', 'bad request\n');
    }
    const path = pathBelowToken(full, token);
    if (path === undefined)
      return send(res, 403, 'text/plain', 'forbidden: open the URL that faq preview printed\n');
    // The page's links are relative to /<token>/.
    if (path === '') return send(res, 308, 'text/plain', '', { location: `/${token}/` });
    if (path === '/')
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        renderPreviewPage(snapshot, version, sources),
        {
          'content-security-policy': PAGE_POLICY,
        },
      );
    if (path === '/preview.js')
      return send(res, 200, 'text/javascript; charset=utf-8', PREVIEW_CLIENT);
    if (path === '/state.json') {
      const state = {
        version,
        file: snapshot.file,
        ok: !snapshot.failure && !snapshot.diagnostics.some((d) => d.severity === 'error'),
        stale: snapshot.stale,
        failure: snapshot.failure ?? null,
        diagnostics: snapshot.diagnostics,
        views: snapshot.views.map((v) => ({
          key: v.key,
          artifacts: v.artifacts.map((a) => a.path),
        })),
        missing: snapshot.missing,
      };
      return send(
        res,
        200,
        'application/json; charset=utf-8',
        `${JSON.stringify(state, null, 2)}\n`,
      );
    }
    if (path === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`retry: 500\n\nevent: version\ndata: ${version}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (path.startsWith('/artifact/')) {
      const wanted = path.slice('/artifact/'.length);
      const artifact = snapshot.views.flatMap((v) => v.artifacts).find((a) => a.path === wanted);
      if (artifact) {
        const name = wanted.slice(wanted.lastIndexOf('/') + 1);
        const type = FORMATS[artifact.format]?.mediaType ?? 'text/plain; charset=utf-8';
        return send(res, 200, type, artifact.text, {
          'content-security-policy': ARTIFACT_POLICY,
          // What a browser does not show as a page or text (a mail) is offered as a download.
          ...(isShownInBrowser(type)
            ? {}
            : { 'content-disposition': `attachment; filename="${name}"` }),
        });
      }
    }
    send(res, 404, 'text/plain', 'not found\n');
  };

  const server = createServer(handle);
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      fail(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new UsageError(
              `cannot listen on 127.0.0.1:${options.port} (${error.code === 'EADDRINUSE' ? 'in use' : 'not allowed'})`,
              'choose another --port, or leave it out for a free one',
            )
          : error,
      );
    });
    server.listen(options.port, '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const watcher = watchInputs(
    { file: options.file, ...(options.templates ? { templates: options.templates } : {}) },
    refresh,
  );
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    current: () => ({ snapshot, version }),
    async close() {
      watcher.close();
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
      await running;
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}
