import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { createLogger } from '@khu-siao/observability';
import { LocalIssuer, LocalSignIn, TokenVerifier } from '@khu-siao/security';
import { testSecurityEnv, until } from '@khu-siao/testing';
import { startDashboardServer, type DashboardServer } from './dashboard-server';
import { Sessions, type DashboardAccount } from './sign-in';

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

const securityEnv = testSecurityEnv('unused');
const accounts: DashboardAccount[] = [
  { username: 'analyst', password: 'analyst-password-1', role: 'ministryAnalyst', areas: [{ level: 'nation' }], subject: 'analyst', description: 'analyst' },
  {
    username: 'admin-40',
    password: 'admin-password-40',
    role: 'provincialAdministrator',
    areas: [{ level: 'province', provinceCode: '40' }],
    subject: 'admin-40',
    description: 'provincial administrator',
  },
];
const sessions = () => new Sessions(accounts, new LocalSignIn(securityEnv));

/** Signs in through the form as a browser would; answers the session cookie (`name=value`). */
async function signIn(dashboardUrl: string, username: string, password: string): Promise<string> {
  const answer = await fetch(`${dashboardUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: dashboardUrl },
    body: new URLSearchParams({ username, password }).toString(),
  });
  expect(answer.status).toBe(303);
  return (answer.headers.get('set-cookie') ?? '').split(';')[0];
}

describe('the dashboard server', () => {
  let upstream: Upstream;
  let dashboard: DashboardServer;
  let cookie: string;
  const logs = logCapture();

  beforeAll(async () => {
    upstream = await startUpstream();
    dashboard = await startDashboardServer({ port: 0, host: '127.0.0.1', reportingUrl: upstream.url, logger: logs.logger, sessions: sessions() });
    cookie = await signIn(dashboard.url, 'analyst', 'analyst-password-1');
  });

  afterAll(async () => {
    await dashboard.close();
    await upstream.close();
  });

  it('shows the sign-in without a session, and answers the API with 401 without asking the reporting service', async () => {
    const before = upstream.requests.length;
    const page = await fetch(`${dashboard.url}/`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('<form method="post" action="/sign-in">');
    expect(text).not.toContain('/app/main.js');
    const api = await fetch(`${dashboard.url}/api/areas/40`, { headers: { authorization: 'Bearer forged' } });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect((await fetch(`${dashboard.url}/session`)).status).toBe(401);
    expect(upstream.requests.length).toBe(before);
  });

  it('refuses a wrong password with the sign-in again, and sets no cookie', async () => {
    const answer = await fetch(`${dashboard.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=analyst&password=wrong-password',
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(await answer.text()).toContain('id="sign-in-failed"');
    expect(JSON.stringify(logs.lines)).not.toContain('wrong-password');
  });

  it('refuses a sign-in posted from another site', async () => {
    const answer = await fetch(`${dashboard.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://elsewhere.example' },
      body: new URLSearchParams({ username: 'analyst', password: 'analyst-password-1' }).toString(),
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('set-cookie')).toBeNull();
    const fromBrowser = await fetch(`${dashboard.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null', 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams({ username: 'analyst', password: 'analyst-password-1' }).toString(),
    });
    expect(fromBrowser.status).toBe(403);
  });

  it('keeps a session in an HttpOnly, SameSite=Strict cookie, and tells the page who is signed in and what they may see', async () => {
    const answer = await fetch(`${dashboard.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=admin-40&password=admin-password-40',
    });
    expect(answer.headers.get('location')).toBe('/');
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^khu_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const admin = setCookie.split(';')[0];
    expect(await (await fetch(`${dashboard.url}/session`, { headers: { cookie: admin } })).json()).toEqual({
      username: 'admin-40',
      role: 'provincialAdministrator',
      description: 'provincial administrator',
      mayReadCases: true,
      mayListCases: true,
      mayReadRollups: true,
    });
    expect(await (await fetch(`${dashboard.url}/session`, { headers: { cookie } })).json()).toMatchObject({
      role: 'ministryAnalyst',
      mayReadCases: false,
      mayListCases: false,
      mayReadRollups: true,
    });
  });

  it('signs out: the session ends and the API answers 401 again', async () => {
    const own = await signIn(dashboard.url, 'admin-40', 'admin-password-40');
    expect((await fetch(`${dashboard.url}/api/areas/40`, { headers: { cookie: own } })).status).toBe(200);
    const out = await fetch(`${dashboard.url}/sign-out`, { method: 'POST', redirect: 'manual', headers: { cookie: own, origin: dashboard.url } });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await fetch(`${dashboard.url}/api/areas/40`, { headers: { cookie: own } })).status).toBe(401);
  });

  it('serves the page, which may load nothing from another origin', async () => {
    const answer = await fetch(`${dashboard.url}/`, { headers: { cookie } });
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

  it("passes /api/* on to the reporting service with its query, correlation id and the session's token, and the answer back", async () => {
    const answer = await fetch(`${dashboard.url}/api/areas/40?asOf=2026-06-30`, {
      headers: { 'x-correlation-id': 'c-123', authorization: 'Bearer abc', cookie },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.headers.get('x-correlation-id')).toBe('c-123');
    expect(await answer.json()).toEqual({ code: '40', figures: { targetHouseholds: 3569 } });
    const request = upstream.requests.at(-1);
    expect(request).toMatchObject({ method: 'GET', url: '/areas/40?asOf=2026-06-30' });
    expect(request?.headers).toMatchObject({ 'x-correlation-id': 'c-123' });
    expect(request?.headers['cookie']).toBeUndefined();
    // The browser's own header is dropped: the token is the one the dashboard signed for the session's account.
    const issuer = await LocalIssuer.fromConfig({ issuer: securityEnv['AUTH_LOCAL_ISSUER'], audience: 'khu-siao', privateKey: securityEnv['AUTH_LOCAL_ISSUER_KEY'] });
    const verifier = new TokenVerifier({ issuers: [{ issuer: issuer.issuer, jwks: issuer.jwks() }], audience: securityEnv['AUTH_AUDIENCE'] });
    const principal = await verifier.verifyAuthorization(String(request?.headers['authorization']));
    expect(principal).toMatchObject({ subject: 'analyst', kind: 'person', roles: ['ministryAnalyst'], areas: [{ level: 'nation' }] });
  });

  it('makes a correlation id when the browser sends none, and logs the call as JSON', async () => {
    await fetch(`${dashboard.url}/api/areas/40`, { headers: { cookie } });
    const correlationId = upstream.requests.at(-1)?.headers['x-correlation-id'];
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ service: 'dashboard', msg: 'proxied', correlationId, method: 'GET', path: '/areas/40', status: 200 }),
    );
  });

  it("passes the reporting service's errors on as they are", async () => {
    const answer = await fetch(`${dashboard.url}/api/cases/nobody`, { headers: { cookie } });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ status: 404, detail: 'no such thing' });
  });

  it('refuses anything but reading: a browser cannot start a rebuild through the dashboard', async () => {
    const before = upstream.requests.length;
    const answer = await fetch(`${dashboard.url}/api/projections/rebuilds`, { method: 'POST', headers: { cookie } });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
    expect(upstream.requests.length).toBe(before);
  });

  it('streams server-sent events as they come, and ends the upstream stream when the browser leaves', async () => {
    const controller = new AbortController();
    const answer = await fetch(`${dashboard.url}/api/projections/changes`, { signal: controller.signal, headers: { accept: 'text/event-stream', cookie } });
    expect(answer.headers.get('content-type')).toBe('text/event-stream');
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    // The upstream stream is still open: the event arrives without waiting for its end.
    const { value } = await reader.read();
    expect(Buffer.from(value as Uint8Array).toString('utf8')).toBe('event: projected\ndata: {"generation":1,"position":7}\n\n');
    const streamRequest = upstream.requests.length;
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    await until(() => upstream.closedStreams.includes(streamRequest), 'the upstream stream to be ended');
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
  let cookie: string;

  beforeAll(async () => {
    reportingUrl = await deadAddress();
    dashboard = await startDashboardServer({ port: 0, host: '127.0.0.1', reportingUrl, logger: logCapture().logger, sessions: sessions() });
    cookie = await signIn(dashboard.url, 'analyst', 'analyst-password-1');
  });

  afterAll(() => dashboard.close());

  it('still serves the page and its health, saying the reporting service is unreachable', async () => {
    expect((await fetch(`${dashboard.url}/`, { headers: { cookie } })).status).toBe(200);
    const health = await fetch(`${dashboard.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', reporting: { url: reportingUrl.href, reachable: false } });
  });

  it('answers the API with 502 problem details', async () => {
    const answer = await fetch(`${dashboard.url}/api/areas/40`, { headers: { cookie } });
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
