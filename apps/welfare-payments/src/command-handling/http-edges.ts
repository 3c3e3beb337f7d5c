import { HttpException, HttpStatus } from '@nestjs/common';
import { InvalidCommandError } from '@khu-siao/decider';

/** The optional If-Match (`"3"`, `W/"3"` or `3`): when given, the command is decided only on that version. */
export function optionalExpectedVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match) throw new HttpException('If-Match must be a version such as "3"', HttpStatus.BAD_REQUEST);
  return Number(match[1]);
}

/** An Idempotency-Key: printable, at most 200 characters; `required` refuses its absence (400 naming the header). */
export function idempotencyKeyFrom(value: string | undefined, required: boolean): string | undefined {
  if (value === undefined || value.trim() === '') {
    if (required) throw new InvalidCommandError([{ field: 'Idempotency-Key', message: 'is required' }]);
    return undefined;
  }
  if (!/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new InvalidCommandError([{ field: 'Idempotency-Key', message: 'must be 1 to 200 printable characters' }]);
  }
  return value;
}
