import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import type { Logger } from '@khu-siao/observability';

/**
 * Request headers the browser may pass on: content negotiation and the SSE resume point. Never its own
 * `Authorization`: the sign-in is the session's token, added by the dashboard.
 */
const forwardedRequestHeaders = ['accept', 'accept-language', 'cache-control', 'if-none-match', 'last-event-id'];

/** Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never passed on. */
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

/** How long an ordinary answer may take: an as-of or provenance query replays the archive. */
const answerTimeoutMs = 60_000;

export interface ReportingProxy {
  /** Passes `request` on to the reporting service at `path` (with its query), signed in as `authorization`, and streams the answer back. */
  forward(request: IncomingMessage, response: ServerResponse, path: string, authorization: string): void;
  close(): void;
}

/**
 * The dashboard's only way to the data: a read-only pass-through to the reporting service's public HTTP API, so the
 * page and the API share one origin (no CORS). Only GET and HEAD go through — the page never changes anything, and
 * `POST /projections/rebuilds` stays out of a browser's reach. Answers are streamed, so the Server-Sent Events of
 * `/projections/changes` reach the page as they are sent.
 */
export function reportingProxy(upstream: URL, logger: Logger): ReportingProxy {
  const client = upstream.protocol === 'https:' ? https : http;
  const agent = new client.Agent({ keepAlive: true });
  const basePath = upstream.pathname.replace(/\/$/, '');

  function forward(request: IncomingMessage, response: ServerResponse, path: string, authorization: string): void {
    const started = Date.now();
    const correlationId = String(request.headers['x-correlation-id'] ?? randomUUID());
    const done = (status: number, note?: string) =>
      logger.info({ correlationId, method: request.method, path, status, ms: Date.now() - started, ...(note ? { note } : {}) }, 'proxied');

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: 'the dashboard only reads' }));
      done(405);
      return;
    }

    const headers: http.OutgoingHttpHeaders = { 'x-correlation-id': correlationId, authorization };
    for (const name of forwardedRequestHeaders) {
      const value = request.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    const upstreamRequest = client.request(
      { protocol: upstream.protocol, hostname: upstream.hostname, port: upstream.port, path: basePath + path, method: request.method, headers, agent },
      (upstreamResponse) => {
        const eventStream = String(upstreamResponse.headers['content-type'] ?? '').startsWith('text/event-stream');
        // An event stream is quiet between changes for as long as nothing happens: it must not time out.
        if (eventStream) upstreamRequest.setTimeout(0);
        const responseHeaders: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(upstreamResponse.headers)) {
          if (value !== undefined && !hopByHop.has(name)) responseHeaders[name] = value;
        }
        if (eventStream) responseHeaders['x-accel-buffering'] = 'no';
        response.writeHead(upstreamResponse.statusCode ?? 502, responseHeaders);
        if (eventStream) response.flushHeaders();
        upstreamResponse.pipe(response);
        upstreamResponse.on('end', () => done(upstreamResponse.statusCode ?? 502));
        upstreamResponse.on('error', () => response.destroy());
      },
    );
    upstreamRequest.setTimeout(answerTimeoutMs, () => upstreamRequest.destroy(new UpstreamTimeout()));
    upstreamRequest.on('error', (error) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const timedOut = error instanceof UpstreamTimeout;
      const status = timedOut ? 504 : 502;
      response.writeHead(status, { 'content-type': 'application/problem+json' });
      response.end(
        JSON.stringify({
          type: 'about:blank',
          title: timedOut ? 'Gateway Timeout' : 'Bad Gateway',
          status,
          detail: timedOut ? 'the reporting service did not answer in time' : 'the reporting service cannot be reached',
        }),
      );
      done(status, error.message);
    });
    // The browser left (a closed tab ends its event stream): stop asking upstream too.
    response.on('close', () => {
      if (!response.writableFinished) {
        upstreamRequest.destroy();
        done(response.statusCode, 'client closed');
      }
    });
    upstreamRequest.end();
  }

  return { forward, close: () => agent.destroy() };
}

class UpstreamTimeout extends Error {
  constructor() {
    super('upstream timeout');
  }
}
