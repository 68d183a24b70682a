/**
 * The plain HTTP side of the live server: `/healthz`, `GET /api/scenarios` (the presets with their
 * titles), `GET /api/scenarios/:name` (one preset, validated), `GET /api/sessions`, and the built
 * viewer (viewer/dist) as static files, with index.html for any other GET so client routes work.
 */

import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { loadScenario, presetNames } from '../../scenarios/index.ts';
import type { SessionManager } from './session-manager.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export interface HttpDeps {
  manager: SessionManager;
  /** Folder of the built viewer; null when there is none (API only). */
  viewerDir: string | null;
  startedAt: number;
}

/** The request handler. socket.io handles its own path (/socket.io/) before this is called. */
export function httpHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: `${req.method} is not served; use GET` });
    if (path === '/healthz') {
      return json(res, 200, { ok: true, uptimeS: Math.round((Date.now() - deps.startedAt) / 1000), sessions: deps.manager.list().map((s) => ({ id: s.sessionId, scenario: s.scenario, viewers: s.viewers, t: s.clock.t, ended: s.clock.ended })) });
    }
    if (path === '/api/scenarios') {
      const list = presetNames().map((name) => {
        const r = loadScenario(name);
        return r.ok ? { name, title: r.scenario.meta.title, site: r.scenario.meta.site, mode: r.scenario.mode, vehiclesPerDay: r.scenario.demand.vehiclesPerDay, days: r.scenario.horizon.days } : { name, errors: r.errors };
      });
      return json(res, 200, list);
    }
    const one = /^\/api\/scenarios\/([^/]+)$/.exec(path);
    if (one !== null) {
      const name = one[1]!;
      if (!presetNames().includes(name)) return json(res, 404, { error: `no preset '${name}'; presets: ${presetNames().join(', ')}` });
      const r = loadScenario(name);
      return r.ok ? json(res, 200, r.scenario) : json(res, 500, { error: `preset '${name}' is invalid`, errors: r.errors });
    }
    if (path === '/api/sessions') return json(res, 200, deps.manager.list());
    if (path.startsWith('/api/')) return json(res, 404, { error: `no API at ${path}; see /api/scenarios, /api/scenarios/:name, /api/sessions, /healthz` });
    serveStatic(deps.viewerDir, path, req, res);
  };
}

function serveStatic(dir: string | null, path: string, req: IncomingMessage, res: ServerResponse): void {
  if (dir === null) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('the viewer is not built (viewer/dist is missing); the API and the socket.io protocol are served\n');
    return;
  }
  const root = resolve(dir);
  let file = normalize(join(root, path));
  // Never outside the viewer folder.
  if (!file.startsWith(root)) file = join(root, 'index.html');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404);
    res.end();
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const immutable = file.includes(`${root}/assets/`);
  res.writeHead(200, { 'content-type': type, 'content-length': statSync(file).size, 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
