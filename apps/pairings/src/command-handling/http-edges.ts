import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

/** The version a client last saw comes in If-Match (`"3"`, `W/"3"` or `3`); required where two writers could clash. */
export function expectedVersionFrom(ifMatch: string | undefined, what: string): number {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new HttpException(`If-Match with the ${what} version you last read is required`, HttpStatus.PRECONDITION_REQUIRED);
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match) throw new HttpException(`If-Match must be a ${what} version such as "3"`, HttpStatus.BAD_REQUEST);
  return Number(match[1]);
}

/** Answers a change with the stream's new version, also as its ETag for the next If-Match. */
export function versioned<T extends { version: number }>(response: Response, change: T): T {
  response.setHeader('ETag', `"${change.version}"`);
  return change;
}
