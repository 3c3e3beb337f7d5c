import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { correlationIdFrom, withCorrelation, type Logger } from '@khu-siao/observability';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * nestjs-pino settings: one JSON line per request, all with the request's correlation id (taken from the
 * caller's `x-correlation-id` when sane, else new, and echoed back), and only method, path and status — never
 * bodies, query strings or credentials, which may carry personal data.
 */
export function pinoHttpParams(logger: Logger): Params {
  return {
    pinoHttp: {
      logger,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        if (typeof request.id === 'string') return request.id;
        const id = correlationIdFrom(request.headers[CORRELATION_HEADER]);
        response.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      customProps: (request: IncomingMessage) => ({ correlationId: request.id }),
      serializers: {
        req: (request: { method?: string; url?: string }) => ({ method: request.method, path: request.url?.split('?')[0] }),
        res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}

/**
 * Express middleware registered before everything else: fixes the request's correlation id and runs the rest
 * of the request inside it, so command handlers put it into the events they store and every log line carries it.
 */
export function correlationMiddleware(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const id = correlationIdFrom(request.headers[CORRELATION_HEADER]);
  request.id = id;
  response.setHeader(CORRELATION_HEADER, id);
  withCorrelation({ correlationId: id, causationId: null }, next);
}
