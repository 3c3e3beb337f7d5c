import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { AreaScope } from '../identity/principal';
import { accessRules, agencyScopeLevels } from '../policy/access-rules';
import type { Operation } from '../policy/operations';

export const AGENCY_CLIENTS_COLLECTION = 'agency_clients';

/**
 * A secret is 256 random bits, so a slow password hash would add nothing: HMAC-SHA256 with a per-secret salt is
 * enough, and only the hash is stored.
 */
interface StoredSecret {
  secretId: string;
  salt: string;
  hash: string;
  createdAt: Date;
  /** Set when a rotation retires it; it still works until then. */
  expiresAt?: Date;
}

interface AgencyClientDocument {
  _id: string;
  agency: string;
  areas: AreaScope[];
  operations: Operation[];
  secrets: StoredSecret[];
  revision: number;
  createdAt: Date;
  revokedAt?: Date;
}

/** An agency's client as the rest of the code sees it: what its MOU covers, never its secrets. */
export interface AgencyClient {
  readonly clientId: string;
  readonly agency: string;
  readonly areas: readonly AreaScope[];
  readonly operations: readonly Operation[];
  readonly revoked: boolean;
}

export interface IssuedSecret {
  readonly clientId: string;
  readonly secretId: string;
  /** Shown once, to be handed to the agency; only its hash is kept. */
  readonly clientSecret: string;
}

export class UnknownAgencyClientError extends Error {
  override readonly name = 'UnknownAgencyClientError';
  constructor(readonly clientId: string) {
    super(`agency client ${clientId} does not exist`);
  }
}

/** An MOU the policy could never honour: a scope agencies do not act through, or an operation closed to agencies. */
export class InvalidAgencyRegistrationError extends Error {
  override readonly name = 'InvalidAgencyRegistrationError';
}

export interface AgencyRegistration {
  readonly agency: string;
  readonly areas: readonly AreaScope[];
  readonly operations: readonly Operation[];
  readonly clientId?: string;
}

/** Agencies' client credentials in MongoDB: registered, rotated (with an overlap) and revoked. */
export class AgencyClients {
  private readonly collection: Collection<AgencyClientDocument>;
  private readonly now: () => Date;

  constructor(db: Db, options: { now?: () => Date } = {}) {
    this.collection = db.collection<AgencyClientDocument>(AGENCY_CLIENTS_COLLECTION);
    this.now = options.now ?? (() => new Date());
  }

  async register(registration: AgencyRegistration): Promise<IssuedSecret> {
    if (registration.areas.length === 0 || registration.areas.some((area) => !agencyScopeLevels.includes(area.level))) {
      throw new InvalidAgencyRegistrationError(`an agency's areas must be one or more of: ${agencyScopeLevels.join(', ')}`);
    }
    const closed = registration.operations.filter((operation) => !accessRules[operation]?.agencies);
    if (closed.length > 0) throw new InvalidAgencyRegistrationError(`not open to agencies: ${closed.join(', ')}`);
    const clientId = registration.clientId ?? `agency-${randomBytes(9).toString('base64url')}`;
    const { stored, issued } = newSecret(clientId, this.now());
    await this.collection.insertOne({
      _id: clientId,
      agency: registration.agency,
      areas: registration.areas.map((area) => ({ ...area })),
      operations: [...registration.operations],
      secrets: [stored],
      revision: 1,
      createdAt: this.now(),
    });
    return issued;
  }

  /**
   * A new secret; the ones before it keep working for `overlapSeconds` (0: at once no longer) so the agency can
   * switch without downtime. Secrets already past their end are dropped.
   */
  async rotateSecret(clientId: string, options: { overlapSeconds?: number } = {}): Promise<IssuedSecret> {
    for (;;) {
      const current = await this.collection.findOne({ _id: clientId });
      if (!current) throw new UnknownAgencyClientError(clientId);
      const now = this.now();
      const retireAt = new Date(now.getTime() + (options.overlapSeconds ?? 0) * 1000);
      const { stored, issued } = newSecret(clientId, now);
      const kept = current.secrets
        .filter((secret) => !secret.expiresAt || secret.expiresAt > now)
        .map((secret) => ({ ...secret, expiresAt: secret.expiresAt && secret.expiresAt < retireAt ? secret.expiresAt : retireAt }));
      // Guarded by the revision read: of two concurrent rotations, the later one retries on the newer document.
      const { modifiedCount } = await this.collection.updateOne(
        { _id: clientId, revision: current.revision },
        { $set: { secrets: [...kept, stored], revision: current.revision + 1 } },
      );
      if (modifiedCount === 1) return issued;
    }
  }

  /** Withdraws one secret at once (a leaked one), leaving the others. */
  async revokeSecret(clientId: string, secretId: string): Promise<void> {
    const { matchedCount } = await this.collection.updateOne({ _id: clientId }, { $pull: { secrets: { secretId } }, $inc: { revision: 1 } });
    if (matchedCount === 0) throw new UnknownAgencyClientError(clientId);
  }

  /** The client can no longer obtain tokens; tokens already issued lapse at their (short) expiry. */
  async revoke(clientId: string): Promise<void> {
    const { matchedCount } = await this.collection.updateOne({ _id: clientId }, { $set: { revokedAt: this.now() }, $inc: { revision: 1 } });
    if (matchedCount === 0) throw new UnknownAgencyClientError(clientId);
  }

  async find(clientId: string): Promise<AgencyClient | undefined> {
    const document = await this.collection.findOne({ _id: clientId });
    return document ? toClient(document) : undefined;
  }

  /** The client when the secret is one of its current secrets and it is not revoked; otherwise undefined. */
  async authenticate(clientId: string, clientSecret: string): Promise<AgencyClient | undefined> {
    const document = await this.collection.findOne({ _id: clientId });
    if (!document || document.revokedAt) return undefined;
    const now = this.now();
    const matches = document.secrets.some(
      (secret) => (!secret.expiresAt || secret.expiresAt > now) && equalHashes(hashSecret(secret.salt, clientSecret), secret.hash),
    );
    return matches ? toClient(document) : undefined;
  }
}

function newSecret(clientId: string, createdAt: Date): { stored: StoredSecret; issued: IssuedSecret } {
  const secretId = randomBytes(6).toString('base64url');
  const clientSecret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16).toString('base64');
  return { stored: { secretId, salt, hash: hashSecret(salt, clientSecret), createdAt }, issued: { clientId, secretId, clientSecret } };
}

function hashSecret(salt: string, secret: string): string {
  return createHmac('sha256', Buffer.from(salt, 'base64')).update(secret, 'utf8').digest('base64');
}

function equalHashes(a: string, b: string): boolean {
  const left = Buffer.from(a, 'base64');
  const right = Buffer.from(b, 'base64');
  return left.length === right.length && timingSafeEqual(left, right);
}

function toClient(document: AgencyClientDocument): AgencyClient {
  return {
    clientId: document._id,
    agency: document.agency,
    areas: document.areas,
    operations: document.operations,
    revoked: document.revokedAt !== undefined,
  };
}
