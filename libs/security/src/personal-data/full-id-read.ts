import { randomUUID } from 'node:crypto';
import type { Principal } from '../identity/principal';

/** The record of one full (unmasked) national-ID read: who, when, which household (and member), and why. */
export interface FullIdRead {
  readonly readId: string;
  readonly readAt: string;
  readonly reader: {
    readonly subject: string;
    readonly kind: Principal['kind'];
    readonly clientId: string;
    readonly roles: Principal['roles'];
  };
  readonly householdId: string;
  readonly memberId?: string;
  readonly purpose: string;
  readonly correlationId?: string;
}

/** Where full-ID reads are recorded (an event stream or an audit collection); a read is refused if recording fails. */
export interface FullIdReadLog {
  record(read: FullIdRead): Promise<void>;
}

export interface FullIdReadRequest {
  readonly reader: Principal;
  readonly householdId: string;
  readonly memberId?: string;
  /** Why the full number is needed, in the reader's words; required. */
  readonly purpose: string;
  readonly correlationId?: string;
}

export class MissingPurposeError extends Error {
  override readonly name = 'MissingPurposeError';
  constructor() {
    super('a full national ID is only shown with a purpose (between 3 and 500 characters)');
  }
}

export function fullIdRead(request: FullIdReadRequest, now: Date = new Date()): FullIdRead {
  const purpose = request.purpose.trim();
  if (purpose.length < 3 || purpose.length > 500) throw new MissingPurposeError();
  const { subject, kind, clientId, roles } = request.reader;
  return {
    readId: randomUUID(),
    readAt: now.toISOString(),
    reader: { subject, kind, clientId, roles: [...roles] },
    householdId: request.householdId,
    ...(request.memberId === undefined ? {} : { memberId: request.memberId }),
    purpose,
    ...(request.correlationId === undefined ? {} : { correlationId: request.correlationId }),
  };
}
