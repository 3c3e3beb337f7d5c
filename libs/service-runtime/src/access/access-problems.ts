import { HttpStatus } from '@nestjs/common';
import type { ProblemDetails } from '../http/problem-details';
import { problemTypes } from '../http/problem-details';

/** 401: no credentials, or credentials that do not verify. The reason is the kind of failure, never the token. */
export class Unauthenticated extends Error {
  override readonly name = 'Unauthenticated';
  constructor(readonly reason: string) {
    super(`not authenticated: ${reason}`);
  }
}

/** 403: the caller is known, and no rule opens this operation to them on this resource. */
export class Forbidden extends Error {
  override readonly name = 'Forbidden';
  constructor(readonly reason: string) {
    super(`forbidden: ${reason}`);
  }
}

/** 503: the identity provider's keys could not be fetched; the caller may try again. */
export class IdentityUnavailable extends Error {
  override readonly name = 'IdentityUnavailable';
}

/** 429: the client made more requests than its rate allows. */
export class TooManyRequests extends Error {
  override readonly name = 'TooManyRequests';
  constructor(readonly retryAfterSeconds: number) {
    super('too many requests');
  }
}

export function accessProblem(exception: unknown): ProblemDetails | undefined {
  if (exception instanceof Unauthenticated) {
    return { type: problemTypes.unauthenticated, title: 'Sign-in required', status: HttpStatus.UNAUTHORIZED, detail: exception.reason };
  }
  if (exception instanceof Forbidden) {
    return { type: problemTypes.forbidden, title: 'Not allowed', status: HttpStatus.FORBIDDEN, detail: exception.reason };
  }
  if (exception instanceof IdentityUnavailable) {
    return { type: problemTypes.unavailable, title: 'The identity provider cannot be reached', status: HttpStatus.SERVICE_UNAVAILABLE };
  }
  if (exception instanceof TooManyRequests) {
    return {
      type: problemTypes.tooManyRequests,
      title: 'Too many requests',
      status: HttpStatus.TOO_MANY_REQUESTS,
      detail: `Try again in ${exception.retryAfterSeconds} s.`,
      retryAfterSeconds: exception.retryAfterSeconds,
    };
  }
  return undefined;
}
