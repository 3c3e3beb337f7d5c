import { createHmac } from 'node:crypto';
import { fullIdRead, type FullIdReadLog, type FullIdReadRequest } from './full-id-read';
import type { EncryptedField, ErasedField, HouseholdFieldCipher } from './household-field-cipher';
import type { KeyProvider } from './key-provider';
import { maskNationalId } from './national-id-masking';

/** `nid1.` + base64url HMAC-SHA256: equal for equal IDs, useless without the lookup key. */
export type NationalIdLookupHash = `nid1.${string}`;

export class NationalIdFormatError extends Error {
  override readonly name = 'NationalIdFormatError';
  constructor() {
    super('a national ID must be 13 digits');
  }
}

/**
 * National IDs at rest: encrypted under the household's data key (so erasure covers them), found again for
 * de-duplication by a keyed hash, shown masked, and shown in full only after the read has been recorded.
 */
export class NationalIdProtection {
  private constructor(
    private readonly cipher: HouseholdFieldCipher,
    private readonly hashKey: Buffer,
  ) {}

  static async create(cipher: HouseholdFieldCipher, provider: KeyProvider): Promise<NationalIdProtection> {
    return new NationalIdProtection(cipher, await provider.lookupHashKey());
  }

  lookupHash(nationalId: string): NationalIdLookupHash {
    requireNationalId(nationalId);
    return `nid1.${createHmac('sha256', this.hashKey).update(`national-id|${nationalId}`).digest('base64url')}`;
  }

  async encrypt(householdId: string, nationalId: string): Promise<EncryptedField> {
    requireNationalId(nationalId);
    return this.cipher.encryptField(householdId, nationalId);
  }

  /** The masked form for every ordinary response, or the erased marker. */
  async masked(householdId: string, encrypted: EncryptedField): Promise<string | ErasedField> {
    const clear = await this.cipher.decryptField(householdId, encrypted);
    return typeof clear === 'string' ? maskNationalId(clear) : clear;
  }

  /** The full number: recorded in `log` first, so there is no full read without its record. */
  async reveal(encrypted: EncryptedField, request: FullIdReadRequest, log: FullIdReadLog, now = new Date()): Promise<string | ErasedField> {
    await log.record(fullIdRead(request, now));
    return this.cipher.decryptField(request.householdId, encrypted);
  }
}

function requireNationalId(value: string): void {
  if (!/^\d{13}$/.test(value)) throw new NationalIdFormatError();
}
