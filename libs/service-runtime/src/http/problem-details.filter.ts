import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ContractViolation } from '@khu-siao/contracts';
import { IllegalStateError, InvalidCommandError, NotFoundError } from '@khu-siao/decider';
import { IdempotencyKeyReusedError, StreamConflictError } from '@khu-siao/event-store';
import { currentCorrelation, type Logger } from '@khu-siao/observability';
import { problemTypes, type ProblemDetails } from './problem-details';
import { RequestInvalid } from './request-invalid';
import { accessProblem } from '../access/access-problems';

/** Maps every error an HTTP request can end in to an RFC 9457 problem, once, for every service. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = {
      ...this.problemFor(exception),
      instance: request.originalUrl?.split('?')[0],
      correlationId: (request.id as string | undefined) ?? currentCorrelation()?.correlationId,
    };
    if (problem.status >= 500) {
      this.logger.error({ err: exception, correlationId: problem.correlationId }, 'request failed');
    }
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private problemFor(exception: unknown): ProblemDetails {
    if (exception instanceof RequestInvalid || exception instanceof InvalidCommandError) {
      return invalid(exception.issues);
    }
    if (exception instanceof ContractViolation) return invalid(exception.issues);
    const access = accessProblem(exception);
    if (access) return access;
    if (exception instanceof StreamConflictError) {
      return {
        type: problemTypes.versionConflict,
        title: 'The record was changed by someone else',
        status: HttpStatus.CONFLICT,
        detail: `It is at version ${exception.actualVersion}, not ${exception.expectedVersion}: reload it and try again.`,
        currentVersion: exception.actualVersion,
      };
    }
    if (exception instanceof IdempotencyKeyReusedError) {
      return {
        type: problemTypes.idempotencyKeyReused,
        title: 'The Idempotency-Key was used for another request',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: 'A key stands for one request: send a new key with a new request.',
      };
    }
    if (exception instanceof NotFoundError) {
      return { type: problemTypes.notFound, title: 'Not found', status: HttpStatus.NOT_FOUND, detail: exception.message };
    }
    if (exception instanceof IllegalStateError) {
      return { type: problemTypes.conflict, title: 'Not allowed now', status: HttpStatus.CONFLICT, detail: exception.message };
    }
    if (isBodyParserError(exception)) return bodyProblem(exception);
    if (exception instanceof HttpException) {
      return { type: problemTypes.http, title: exception.message, status: exception.getStatus() };
    }
    return { type: problemTypes.internal, title: 'Internal error', status: HttpStatus.INTERNAL_SERVER_ERROR };
  }
}

function invalid(errors: ProblemDetails['errors']): ProblemDetails {
  return {
    type: problemTypes.invalidRequest,
    title: 'The request is invalid',
    status: HttpStatus.BAD_REQUEST,
    detail: 'See errors for each field at fault.',
    errors,
  };
}

interface BodyParserError {
  type: string;
  status: number;
}

/** body-parser's own messages quote the body, which may hold personal data: only its kind is reported. */
function isBodyParserError(exception: unknown): exception is BodyParserError {
  return (
    typeof exception === 'object' &&
    exception !== null &&
    typeof (exception as { type?: unknown }).type === 'string' &&
    typeof (exception as { status?: unknown }).status === 'number' &&
    String((exception as { type: string }).type).startsWith('entity.')
  );
}

function bodyProblem(exception: BodyParserError): ProblemDetails {
  if (exception.type === 'entity.too.large') {
    return { type: problemTypes.tooLarge, title: 'The request body is too large', status: HttpStatus.PAYLOAD_TOO_LARGE };
  }
  return {
    type: problemTypes.invalidRequest,
    title: 'The request body is not valid JSON',
    status: HttpStatus.BAD_REQUEST,
  };
}
