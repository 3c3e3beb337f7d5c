import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@khu-siao/observability';
import { loadPageFiles, type PageFile } from './page-files';
import { reportingProxy } from './reporting-proxy';

export interface DashboardServerOptions {
  readonly port: number;
  readonly reportingUrl: URL;
  readonly logger: Logger;
  readonly host?: string;
}

export interface DashboardServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The page may load nothing from elsewhere: no CDN scripts or fonts, data only through `/api`. */
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/** Serves the page, passes `/api/*` on to the reporting service, and answers `/health` with whether it is reachable. */
export async function startDashboardServer(options: DashboardServerOptions): Promise<DashboardServer> {
  const files = loadPageFiles();
  const proxy = reportingProxy(options.reportingUrl, options.logger);

  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) {
      proxy.forward(request, response, url.slice('/api'.length) || '/');
    } else if (path === '/health') {
      void health(options.reportingUrl).then((body) => sendJson(response, 200, body));
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
