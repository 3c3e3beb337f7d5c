import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { currentCorrelation } from './correlation';
import { personalDataRedactPaths, redactedHeaders } from './personal-data-redaction';

export type { Logger } from 'pino';

export interface LoggerSettings {
  readonly service: string;
  readonly level?: string;
  /** Where lines go; standard output by default. Tests pass a stream to read what was logged. */
  readonly destination?: DestinationStream;
}

/** The pino options every service shares: JSON lines, the correlation id of the current work, no personal data. */
export function loggerOptions(settings: LoggerSettings): LoggerOptions {
  return {
    name: settings.service,
    level: settings.level ?? 'info',
    base: { service: settings.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    redact: { paths: [...personalDataRedactPaths(), ...redactedHeaders], censor: '[redacted]' },
    // A request logger already carries the correlation id in its bindings; other lines take it from the context.
    mixin: (_object, _level, logger) => {
      const correlation = currentCorrelation();
      return correlation && !logger.bindings()['correlationId']
        ? { correlationId: correlation.correlationId, ...(correlation.causationId ? { causationId: correlation.causationId } : {}) }
        : {};
    },
  };
}

export function createLogger(settings: LoggerSettings): Logger {
  return settings.destination ? pino(loggerOptions(settings), settings.destination) : pino(loggerOptions(settings));
}
