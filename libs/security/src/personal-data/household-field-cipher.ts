import { open, seal } from './aes-gcm';
import type { HouseholdDataKeys } from './household-data-keys';

const PREFIX = 'pd1.';

/** A personal field as stored in events and read models: `pd1.` + base64url(iv | tag | ciphertext). */
export type EncryptedField = `pd1.${string}`;

/** What a personal field reads as once its household has been erased. */
export interface ErasedField {
  readonly erased: true;
}

export const ERASED: ErasedField = Object.freeze({ erased: true });

export function isErased(value: unknown): value is ErasedField {
  return typeof value === 'object' && value !== null && (value as { erased?: unknown }).erased === true;
}

export function isEncryptedField(value: unknown): value is EncryptedField {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** Thrown for a field that is damaged or was moved from another household; it never carries the field's content. */
export class FieldDecryptionError extends Error {
  override readonly name = 'FieldDecryptionError';
  constructor(readonly householdId: string) {
    super(`a personal field of household ${householdId} cannot be decrypted: damaged or not this household's`);
  }
}

/** Encrypts a household's personal fields under its own data key, so that erasing the key erases them everywhere. */
export class HouseholdFieldCipher {
  constructor(private readonly keys: HouseholdDataKeys) {}

  async encryptField(householdId: string, plaintext: string): Promise<EncryptedField> {
    const key = await this.keys.keyForWriting(householdId);
    return `${PREFIX}${seal(key, Buffer.from(plaintext, 'utf8'), aadFor(householdId)).toString('base64url')}`;
  }

  async decryptField(householdId: string, field: EncryptedField): Promise<string | ErasedField> {
    if (!isEncryptedField(field)) throw new FieldDecryptionError(householdId);
    const key = await this.keys.keyForReading(householdId);
    if (!key) return ERASED;
    try {
      return open(key, Buffer.from(field.slice(PREFIX.length), 'base64url'), aadFor(householdId)).toString('utf8');
    } catch {
      throw new FieldDecryptionError(householdId);
    }
  }
}

function aadFor(householdId: string): string {
  return `household|${householdId}`;
}
