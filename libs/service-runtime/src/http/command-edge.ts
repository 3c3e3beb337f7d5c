import { createHash } from 'node:crypto';
import { HttpException, HttpStatus, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import stringify from 'safe-stable-stringify';
import { InvalidCommandError } from '@khu-siao/decider';
import { actorOf, type AuthenticatedRequest } from '../access/access.decorators';
import type { CommandContext as Context, Idempotency } from '../commands/command-context';
import type { ExpectedVersion } from '../commands/aggregate-command';

/** What every command carries besides its own fields: its actor and, when the client sent one, its Idempotency-Key. */
export type CommandContext = Context;

/** Whether a route takes an Idempotency-Key, and must have one. */
export type KeyUse = 'optional' | 'required';

/**
 * The command's context from the request: the caller as actor, and the Idempotency-Key scoped to the caller
 * (`person:…` / `client:…`) with the fingerprint of the request (method, path and body, keys in sorted order).
 * A key is printable ASCII, 1 to 200 characters; `required` refuses its absence (400 naming the header).
 */
export const CommandContext = createParamDecorator((use: KeyUse | undefined, context: ExecutionContext): Context => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CommandContext used on a route without an authenticated principal');
  const actor = actorOf(request.principal);
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key.trim() === '') {
    if (use === 'required') throw new InvalidCommandError([{ field: 'Idempotency-Key', message: 'is required' }]);
    return { actor };
  }
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new InvalidCommandError([{ field: 'Idempotency-Key', message: 'must be 1 to 200 printable characters' }]);
  }
  const idempotency: Idempotency = {
    key: `${actor.kind}:${actor.id}:${key}`,
    fingerprint: requestFingerprint(request.method, request.originalUrl.split('?')[0] ?? '', request.body),
  };
  return { actor, idempotency };
});

/** The fingerprint a request's Idempotency-Key is stored with: its method, path and body (keys in sorted order). */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${typeof body === 'string' ? body : (stringify(body ?? null) ?? '')}`)
    .digest('base64url');
}

const versionPattern = /^(?:W\/)?"?(\d{1,9})"?$/;

/**
 * The version a client last saw, from If-Match (`"3"`, `W/"3"` or `3`). `required` where two writers could clash
 * unseen (428 Precondition Required without it, RFC 6585); otherwise its absence decides on the current version.
 */
export function expectedVersionOf(ifMatch: string | undefined, use: 'required', what: string): number;
export function expectedVersionOf(ifMatch: string | undefined, use: 'optional', what: string): ExpectedVersion;
export function expectedVersionOf(ifMatch: string | undefined, use: 'required' | 'optional', what: string): ExpectedVersion {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    if (use === 'optional') return 'any';
    throw new HttpException(`If-Match with the ${what} version you last read is required`, HttpStatus.PRECONDITION_REQUIRED);
  }
  const match = versionPattern.exec(ifMatch.trim());
  if (!match) throw new HttpException(`If-Match must be a ${what} version such as "3"`, HttpStatus.BAD_REQUEST);
  return Number(match[1]);
}

/** Answers with the aggregate's version as its ETag, for the client's next If-Match. */
export function withETag<T extends { readonly version: number }>(response: Response, answer: T): T {
  response.setHeader('ETag', `"${answer.version}"`);
  return answer;
}
