import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { HouseholdChange } from './handle-household';

/**
 * The version a client last saw comes in If-Match (`"3"`, `W/"3"` or `3`). Every change to an existing household
 * requires it: without it two officials would overwrite each other unseen (RFC 6585: 428 Precondition Required).
 */
export function expectedVersionFrom(ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new HttpException('If-Match with the household version you last read is required', HttpStatus.PRECONDITION_REQUIRED);
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match) throw new HttpException('If-Match must be a household version such as "3"', HttpStatus.BAD_REQUEST);
  return Number(match[1]);
}

/** Answers a change with the household's new version, also as its ETag for the next If-Match. */
export function versioned(response: Response, change: HouseholdChange) {
  response.setHeader('ETag', `"${change.version}"`);
  return change;
}
