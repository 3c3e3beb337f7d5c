import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';
import { RequestInvalid, type CommandContext } from '@khu-siao/service-runtime';

const idNamespace = '0b6f4a1e-3c2d-4e5f-9a8b-7c6d5e4f3a21';

/**
 * The id of what a command creates (a visit, a team, a partner, a pledge, a pairing change): derived from the
 * caller's Idempotency-Key when there is one, so that a retry names the same thing; time-ordered otherwise.
 */
export function newIdFor(kind: string, context: CommandContext): string {
  return context.idempotency ? uuidV5(`${kind}:${context.idempotency.key}`, idNamespace) : uuidV7();
}

/**
 * Reads an id or code an access resolver needs before the validation pipe has run: a non-string is the caller's
 * fault (400, naming `field`, the path in the request).
 */
export function idIn(source: unknown, key: string, field = key): string {
  const value: unknown = typeof source === 'object' && source !== null ? Reflect.get(source, key) : undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw new RequestInvalid([{ field, message: 'must be an id' }]);
  return value;
}
