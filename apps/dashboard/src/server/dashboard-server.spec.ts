import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { createLogger } from '@khu-siao/observability';
import { startDashboardServer, type DashboardServer } from './dashboard-server';

/**
 * The dashboard's own upstream stands in for the reporting service here, to prove the pass-through mechanics
 * (paths, headers, streaming, refusals, failures); the reporting service itself is proven by its own spec.
 */
interface Upstream {
  readonly url: URL;
  readonly requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  readonly closedStreams: number[];
  close(): Promise<void>;
}

async function startUpstream(): Promise<Upstream> {
  const requests: Upstream['requests'] = [];
  const closedStreams: number[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((request: IncomingMessage, response: ServerResponse) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    const path = (request.url ?? '').split('?')[0];
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (path === '/areas/40') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-correlation-id': String(request.headers['x-correlation-id']) });
      response.end(JSON.stringify({ code: '40', figures: { targetHouseholds: 3569 } }));
    } else if (path === '/projections/changes') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      response.write('event: projected\ndata: {"generation":1,"position":7}\n\n');
      const id = requests.length;
      response.on('close', () => closedStreams.push(id));
    } else {
      response.writeHead(404, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'no such thing' }));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    requests,
    closedStreams,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An address where nothing listens: a port that was free a moment ago. */
async function deadAddress(): Promise<URL> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return new URL(`http://127.0.0.1:${port}`);
}

function logCapture() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return { logger: createLogger({ service: 'dashboard', destination: stream }), lines };
}

describe('the dashboard server', () => {
  let upstream: Upstream;
  let dashboard: DashboardServer;
  const logs = logCapture();

  beforeAll(async () => {
    upstream = await startUpstream();
    dashboard = await startDashboardServer({ port: 0, host: '127.0.0.1', reportingUrl: upstream.url, logger: logs.logger });
  });

  afterAll(async () => {
    await dashboard.close();
    await upstream.close();
  });

  it('serves the page, which may load nothing from another origin', async () => {
    const answer = await fetch(`${dashboard.url}/`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
    const page = await answer.text();
    expect(page).toContain('<script type="module" src="/app/main.js">');
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect((await fetch(`${dashboard.url}/dashboard.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves every module of the page as JavaScript, and every module a module imports exists', async () => {
    const seen = new Set<string>();
    const pending = ['/app/main.js'];
    while (pending.length > 0) {
      const path = pending.pop() as string;
      if (seen.has(path)) continue;
      seen.add(path);
      const answer = await fetch(`${dashboard.url}${path}`);
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
      expect(answer.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const code = await answer.text();
      // Types are gone: no type-only import survives to ask the browser for a library it cannot have.
      expect(code).not.toMatch(/from ['"]@khu-siao\//);
      for (const [, imported] of code.matchAll(/from ['"]\.\/([\w-]+\.js)['"]/g)) pending.push(`/app/${imported}`);
    }
    expect(seen.size).toBeGreaterThan(10);
  });

  it('answers 404 for a file it does not have, and never serves the specs', async () => {
    expect((await fetch(`${dashboard.url}/app/format.spec.js`)).status).toBe(404);
    expect((await fetch(`${dashboard.url}/../package.json`)).status).toBe(404);
  });

  it('passes /api/* on to the reporting service with its query, correlation id and sign-in, and the answer back', async () => {
    const answer = await fetch(`${dashboard.url}/api/areas/40?asOf=2026-06-30`, {
      headers: { 'x-correlation-id': 'c-123', authorization: 'Bearer abc', cookie: 'session=secret' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.headers.get('x-correlation-id')).toBe('c-123');
    expect(await answer.json()).toEqual({ code: '40', figures: { targetHouseholds: 3569 } });
    const request = upstream.requests.at(-1);
    expect(request).toMatchObject({ method: 'GET', url: '/areas/40?asOf=2026-06-30' });
    expect(request?.headers).toMatchObject({ 'x-correlation-id': 'c-123', authorization: 'Bearer abc' });
    expect(request?.headers['cookie']).toBeUndefined();
  });

  it('makes a correlation id when the browser sends none, and logs the call as JSON', async () => {
    await fetch(`${dashboard.url}/api/areas/40`);
    const correlationId = upstream.requests.at(-1)?.headers['x-correlation-id'];
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ service: 'dashboard', msg: 'proxied', correlationId, method: 'GET', path: '/areas/40', status: 200 }),
    );
  });

  it("passes the reporting service's errors on as they are", async () => {
    const answer = await fetch(`${dashboard.url}/api/cases/nobody`);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ status: 404, detail: 'no such thing' });
  });

  it('refuses anything but reading: a browser cannot start a rebuild through the dashboard', async () => {
    const before = upstream.requests.length;
    const answer = await fetch(`${dashboard.url}/api/projections/rebuilds`, { method: 'POST' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
    expect(upstream.requests.length).toBe(before);
  });

  it('streams server-sent events as they come, and ends the upstream stream when the browser leaves', async () => {
    const controller = new AbortController();
    const answer = await fetch(`${dashboard.url}/api/projections/changes`, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
    expect(answer.headers.get('content-type')).toBe('text/event-stream');
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    // The upstream stream is still open: the event arrives without waiting for its end.
    const { value } = await reader.read();
    expect(Buffer.from(value as Uint8Array).toString('utf8')).toBe('event: projected\ndata: {"generation":1,"position":7}\n\n');
    const streamRequest = upstream.requests.length;
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    await waitFor(() => upstream.closedStreams.includes(streamRequest));
  });

  it('answers /health with whether the reporting service can be reached', async () => {
    const answer = await fetch(`${dashboard.url}/health`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ status: 'ok', reporting: { url: upstream.url.href, reachable: true, status: 200 } });
  });
});

describe('the dashboard server without a reporting service', () => {
  let dashboard: DashboardServer;
  let reportingUrl: URL;

  beforeAll(async () => {
    reportingUrl = await deadAddress();
    dashboard = await startDashboardServer({ port: 0, host: '127.0.0.1', reportingUrl, logger: logCapture().logger });
  });

  afterAll(() => dashboard.close());

  it('still serves the page and its health, saying the reporting service is unreachable', async () => {
    expect((await fetch(`${dashboard.url}/`)).status).toBe(200);
    const health = await fetch(`${dashboard.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', reporting: { url: reportingUrl.href, reachable: false } });
  });

  it('answers the API with 502 problem details', async () => {
    const answer = await fetch(`${dashboard.url}/api/areas/40`);
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(await answer.json()).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      detail: 'the reporting service cannot be reached',
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
