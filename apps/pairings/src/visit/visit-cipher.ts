import { Inject, Injectable } from '@nestjs/common';
import { FieldDecryptionError, isEncryptedField, type SecurityServices } from '@khu-siao/security';
import { SECURITY } from '@khu-siao/service-runtime';

/**
 * Where a visit's personal data crosses the store boundary: needs, help descriptions, referrals and location are
 * sealed under the household's data key, so erasing the household (its key destroyed by the households service)
 * makes them open as `{ erased: true }` everywhere — in the stream, the read models and on the topic.
 */
@Injectable()
export class VisitCipher {
  constructor(@Inject(SECURITY) private readonly security: SecurityServices) {}

  /** Seals with the household's key; refused (HouseholdErasedError) once the household is erased. */
  sealerFor(householdId: string): (text: string) => Promise<string> {
    return (text) => this.security.fieldCipher.encryptField(householdId, text);
  }

  openerFor(householdId: string): (sealed: string) => Promise<string | { readonly erased: true }> {
    return async (sealed) => {
      if (!isEncryptedField(sealed)) throw new FieldDecryptionError(householdId);
      return this.security.fieldCipher.decryptField(householdId, sealed);
    };
  }
}
