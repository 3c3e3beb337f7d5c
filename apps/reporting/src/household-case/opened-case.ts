import { Inject, Injectable } from '@nestjs/common';
import type { SealedField } from '@khu-siao/contracts';
import type { HouseholdCase } from '@khu-siao/reporting-projections';
import { ERASED, isErased, maskNationalId, type EncryptedField, type ErasedField, type SecurityServices } from '@khu-siao/security';
import { SECURITY } from '@khu-siao/service-runtime';

/**
 * Opens the sealed fields of a case for the one who may read it: names, birth dates and the house number in clear,
 * the national ID masked to its last 4 digits, and `{ erased: true }` for an erased household.
 */
@Injectable()
export class CaseOpener {
  constructor(@Inject(SECURITY) private readonly security: SecurityServices) {}

  async open(householdCase: HouseholdCase) {
    const open = (field: SealedField) => this.field(householdCase.householdId, field);
    const optional = async (field: SealedField | undefined) => (field === undefined ? undefined : open(field));
    const members = await Promise.all(
      householdCase.members.map(async (member) => {
        const nationalId = await open(member.nationalId);
        return {
          ...member,
          nationalId: isErased(nationalId) ? nationalId : maskNationalId(nationalId),
          title: await optional(member.title),
          firstName: await open(member.firstName),
          lastName: await open(member.lastName),
          birthDate: await open(member.birthDate),
        };
      }),
    );
    return { ...householdCase, houseNumber: await optional(householdCase.houseNumber), members };
  }

  private field(householdId: string, field: SealedField): Promise<string | ErasedField> | ErasedField {
    return isErased(field) ? ERASED : this.security.fieldCipher.decryptField(householdId, field as EncryptedField);
  }
}

/** A case as a list shows it: no personal field, sealed or not (the listing is open to who may not read them). */
export function listedCase({ houseNumber: _houseNumber, members, ...householdCase }: HouseholdCase) {
  return {
    ...householdCase,
    members: members.map(({ memberId, sex, relation, disability, chronicIllness }) => ({ memberId, sex, relation, disability, chronicIllness })),
  };
}
