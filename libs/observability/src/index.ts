export { withCorrelation, currentCorrelation, correlationIdFrom, type CorrelationContext } from './correlation';
export { createLogger, loggerOptions, type Logger, type LoggerSettings } from './logger';
export { personalDataRedactPaths, personalFieldNames } from './personal-data-redaction';
