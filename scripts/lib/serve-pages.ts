/**
 * A tiny HTTP server on 127.0.0.1 (random port) for the demo and the end-to-end tests: it serves a route table of
 * HTML pages and records every request it receives, so a test can assert what the browser asked for.
 *
 * @example
 *   const server = await start({ '/article.html': html, '/': listing });
 *   await page.goto(server.url + '/article.html');
 *   console.log(server.requests.map((r) => r.path));
 *   await server.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path with query string, as requested. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  at: number;
}

/** A route's content: HTML text, or a full response for other types. */
export type Route = string | { body: string | Uint8Array; type?: string; status?: number };

export interface PageServer {
  /** "http://127.0.0.1:PORT" (no trailing slash). */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Add or replace routes while running. */
  set(path: string, route: Route): void;
  close(): Promise<void>;
}

export async function start(routes: Record<string, Route> = {}): Promise<PageServer> {
  const table = new Map<string, Route>(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path, headers: { ...req.headers }, at: Date.now() });
    const bare = path.split('?')[0].split('#')[0];
    const route = table.get(path) ?? table.get(bare);
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const r = typeof route === 'string' ? { body: route, type: 'text/html; charset=utf-8', status: 200 } : route;
    res.writeHead(r.status ?? 200, {
      'content-type': r.type ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : r.body);
  });
  // Keep-alive sockets would hold close() open until the browser lets go of them.
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    set: (path, route) => void table.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
