import { ValidationPipe } from '@nestjs/common';
import { RequestInvalid, issuesOf } from './request-invalid';

/** DTOs are validated at the edge; unknown properties are refused, not silently dropped. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestInvalid(issuesOf(errors)),
  });
}
