import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@khu-siao/observability';
import { loadPageFiles, type PageFile } from './page-files';
import { reportingProxy } from './reporting-proxy';
import { clearedSessionCookieHeader, sessionCookieHeader, sessionIdOf, signInPage, type Sessions, type SignInNotice } from './sign-in';

export interface DashboardServerOptions {
  readonly port: number;
  readonly reportingUrl: URL;
  readonly logger: Logger;
  /** Who is signed in: without a session the page is the sign-in, and `/api` answers 401. */
  readonly sessions: Sessions;
  readonly host?: string;
}

export interface DashboardServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The page may load nothing from elsewhere: no CDN scripts or fonts, data only through `/api`. */
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'";

/**
 * Serves the sign-in, the page (to a signed-in person), passes `/api/*` on to the reporting service with the
 * session's token, and answers `/health` with whether the reporting service is reachable.
 */
export async function startDashboardServer(options: DashboardServerOptions): Promise<DashboardServer> {
  const files = loadPageFiles();
  const proxy = reportingProxy(options.reportingUrl, options.logger);
  const { sessions } = options;
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const sessionId = sessionIdOf(request.headers.cookie);
    if (path === '/api' || path.startsWith('/api/')) {
      void sessions.authorization(sessionId).then((authorization) => {
        if (authorization) proxy.forward(request, response, url.slice('/api'.length) || '/', authorization);
        else sendProblem(response, 401, 'Unauthorized', 'sign in first');
      });
    } else if (path === '/health') {
      void health(options.reportingUrl).then((body) => sendJson(response, 200, body));
    } else if (path === '/sign-in' && request.method === 'POST') {
      void signIn(request, response, sessions, options.logger);
    } else if (path === '/sign-out' && request.method === 'POST') {
      if (!sameOrigin(request)) return sendProblem(response, 403, 'Forbidden', 'a sign-out comes from the dashboard itself');
      sessions.signOut(sessionId);
      response.writeHead(303, { location: '/', 'set-cookie': clearedSessionCookieHeader, 'cache-control': 'no-store' }).end();
    } else if (path === '/session') {
      const signedIn = sessions.who(sessionId);
      if (signedIn) sendJson(response, 200, signedIn);
      else sendProblem(response, 401, 'Unauthorized', 'sign in first');
    } else if ((path === '/' || path === '/index.html' || path === '/sign-in') && !sessions.who(sessionId)) {
      sendSignInPage(request, response, 200, { kind: 'none' });
    } else if (path === '/sign-in') {
      response.writeHead(303, { location: '/' }).end();
    } else {
      servePageFile(files.get(path === '/index.html' ? '/' : path), request, response);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  options.logger.info({ url, reportingUrl: options.reportingUrl.href }, 'dashboard listening');
  return { url, close: () => closeServer(server, proxy.close) };
}

/** The largest sign-in form accepted. */
const maxFormBytes = 4_096;

/** `POST /sign-in` (a form): a session cookie and the page on success, the sign-in again with a 401 otherwise. */
async function signIn(request: IncomingMessage, response: ServerResponse, sessions: Sessions, logger: Logger): Promise<void> {
  // SameSite=Strict does not cover a sign-in itself: another site must not sign a browser in to an account of its choice.
  if (!sameOrigin(request)) return sendProblem(response, 403, 'Forbidden', 'a sign-in comes from the dashboard itself');
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > maxFormBytes) return sendProblem(response, 413, 'Content Too Large', 'the sign-in form is too large');
  }
  const form = new URLSearchParams(body);
  const username = form.get('username') ?? '';
  // The socket's peer: a deployment behind a proxy passes the client's address on in a way it trusts, not a header anyone can send.
  const outcome = sessions.signIn(username, form.get('password') ?? '', request.socket.remoteAddress ?? 'unknown');
  if (outcome.kind === 'throttled') {
    logger.warn({ retryAfterSeconds: outcome.retryAfterSeconds }, 'sign-in throttled');
    response.setHeader('retry-after', String(outcome.retryAfterSeconds));
    return sendSignInPage(request, response, 429, outcome, username);
  }
  if (outcome.kind === 'refused') {
    // The user name may be a mistyped password: it is not logged.
    logger.warn('sign-in refused');
    return sendSignInPage(request, response, 401, outcome, username);
  }
  logger.info({ role: sessions.who(outcome.sessionId)?.role }, 'signed in');
  response.writeHead(303, { location: '/', 'set-cookie': sessionCookieHeader(outcome.sessionId), 'cache-control': 'no-store' }).end();
}

/**
 * A form post from a page of this dashboard. Browsers say so in `Sec-Fetch-Site`; without it, the `Origin` must name
 * this host (the page's `Referrer-Policy: no-referrer` makes a browser's form post send `Origin: null`).
 */
function sameOrigin(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function sendSignInPage(request: IncomingMessage, response: ServerResponse, status: number, notice: SignInNotice, username?: string): void {
  const body = Buffer.from(signInPage(notice, username));
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function sendProblem(response: ServerResponse, status: number, title: string, detail: string): void {
  sendJson(response, status, { type: 'about:blank', title, status, detail }, 'application/problem+json');
}

function servePageFile(file: PageFile | undefined, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
  } else if (!file) {
    sendJson(response, 404, { type: 'about:blank', title: 'Not Found', status: 404 }, 'application/problem+json');
  } else {
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-length': file.body.length,
      // Small files, changed by deploys: always revalidate rather than serve a stale page against a newer API.
      'cache-control': 'no-cache',
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }
}

/** The dashboard is up when it answers; whether it can show anything depends on the reporting service. */
async function health(reportingUrl: URL): Promise<Record<string, unknown>> {
  const target = new URL(`${reportingUrl.pathname.replace(/\/$/, '')}/health`, reportingUrl);
  try {
    const answer = await fetch(target, { signal: AbortSignal.timeout(2_000) });
    await answer.body?.cancel();
    return { status: 'ok', reporting: { url: reportingUrl.href, reachable: true, status: answer.status } };
  } catch (error) {
    return { status: 'ok', reporting: { url: reportingUrl.href, reachable: false, error: (error as Error).message } };
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': `${contentType}; charset=utf-8`, 'cache-control': 'no-store' }).end(text);
}

function closeServer(server: Server, closeProxy: () => void): Promise<void> {
  closeProxy();
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Open event streams would hold the server open for ever.
    server.closeAllConnections();
  });
}
