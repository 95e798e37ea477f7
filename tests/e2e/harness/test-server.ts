/**
 * The only server the browsers may talk to. Both browsers are configured to use it as their HTTP and HTTPS
 * proxy, so every request any part of the browser makes, to any host, arrives here and is recorded: that is
 * how the end-to-end tests prove no request leaves the browser. Pages are served for the host `sila.test`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TEST_HOST = 'sila.test';

export interface RecordedRequest {
  method: string;
  url: string;
  /** First bytes of the body, for the failure message. */
  body: string;
}

export interface TestServer {
  port: number;
  origin: string;
  requests: RecordedRequest[];
  /** Requests to any host but the test server. */
  foreignRequests(): RecordedRequest[];
  setRoute(path: string, html: string): void;
  /** Forgets what was recorded so far. */
  clear(): void;
  close(): Promise<void>;
}

/** Host of a recorded request (CONNECT requests name only host:port). */
export function hostOf(request: RecordedRequest): string {
  return new URL(request.url).hostname;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => {
      if (body.length < 4096) body += chunk;
    });
    req.on('end', () => resolve(body));
  });
}

export async function startTestServer(routes: Record<string, string> = {}): Promise<TestServer> {
  const pages = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const url = req.url?.startsWith('http') ? req.url : `http://${req.headers.host}${req.url}`;
    requests.push({ method: req.method ?? 'GET', url, body: await readBody(req) });
    const parsed = new URL(url);
    const html = parsed.hostname === TEST_HOST ? pages.get(parsed.pathname) : undefined;
    if (html === undefined) {
      res.writeHead(parsed.hostname === TEST_HOST ? 404 : 403, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  // HTTPS through a proxy starts with CONNECT: record it and refuse, nothing gets through.
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: `https://${req.url}`, body: '' });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://${TEST_HOST}`,
    requests,
    foreignRequests: () =>
      requests.filter((r) => !r.url.startsWith(`http://${TEST_HOST}/`)),
    setRoute: (path, html) => void pages.set(path, html),
    clear: () => void requests.splice(0),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
