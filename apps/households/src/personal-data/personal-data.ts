import { Inject, Injectable } from '@nestjs/common';
import { fold } from '@khu-siao/decider';
import { householdDecider, type HouseholdEvent, type PersonalField, type RecordedAddress, type RecordedMember } from '@khu-siao/households-domain';
import { isEncryptedField, maskNationalId, type SecurityServices } from '@khu-siao/security';
import { SECURITY } from '@khu-siao/service-runtime';
import { NationalIdRegister } from '../national-ids/national-id-register';

type FieldMapping = (field: 'nationalId' | 'other', value: PersonalField) => Promise<PersonalField>;

/**
 * Where personal data crosses the store boundary: the domain decides on clear members and addresses; events carry
 * them sealed under the household's data key (national IDs as the security library protects them). A household
 * whose key is destroyed opens as `{ erased: true }` field by field.
 */
@Injectable()
export class PersonalData {
  constructor(
    @Inject(SECURITY) private readonly security: SecurityServices,
    private readonly nationalIds: NationalIdRegister,
  ) {}

  /** Loads or creates the data keys of many households ahead of sealing their events (a bulk import). */
  prepareKeys(householdIds: readonly string[]): Promise<void> {
    return this.security.dataKeys.prepareForWriting(householdIds);
  }

  /** Seals every personal field of the decided events before they are appended (an erased field stays erased). */
  seal(householdId: string, events: readonly HouseholdEvent[]): Promise<HouseholdEvent[]> {
    const sealField: FieldMapping = async (field, value) => {
      if (typeof value !== 'string') return value;
      return field === 'nationalId' ? this.security.nationalIds.encrypt(householdId, value) : this.security.fieldCipher.encryptField(householdId, value);
    };
    return Promise.all(events.map((event) => withPersonalFields(event, sealField)));
  }

  /** Opens the sealed fields of stored events; erased fields stay `{ erased: true }`. */
  open(householdId: string, events: readonly HouseholdEvent[]): Promise<HouseholdEvent[]> {
    const openField: FieldMapping = async (_field, value) =>
      isEncryptedField(value) ? this.security.fieldCipher.decryptField(householdId, value) : value;
    return Promise.all(events.map((event) => withPersonalFields(event, openField)));
  }

  /** Destroys the household's data key and frees its national IDs: idempotent. */
  async finishErasure(householdId: string): Promise<void> {
    await this.security.dataKeys.erase(householdId);
    await this.nationalIds.releaseAll(householdId);
  }

  /** The member's national ID as sealed in the latest member list, for a recorded full read. */
  sealedNationalIdOf(stored: readonly HouseholdEvent[], memberId: string): PersonalField | undefined {
    const household = fold(householdDecider, stored);
    if (household.status === 'unregistered') return undefined;
    return household.members.find((member) => member.memberId === memberId)?.nationalId;
  }
}

/** Personal data as responses show it: national IDs masked to their last 4 digits, erased fields as erased. */
export function withMaskedNationalIds<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withMaskedNationalIds(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      key === 'nationalId' && typeof field === 'string' ? maskNationalId(field) : withMaskedNationalIds(field),
    ]),
  ) as T;
}

/** The event with each of its personal fields mapped: members' names, IDs and birth dates, and house numbers. */
async function withPersonalFields(event: HouseholdEvent, map: FieldMapping): Promise<HouseholdEvent> {
  switch (event.type) {
    case 'HouseholdRegistered': {
      const [address, members] = await Promise.all([mappedAddress(event.data.address, map), mappedMembers(event.data.members, map)]);
      return { ...event, data: { ...event.data, address, members } };
    }
    case 'HouseholdMembersUpdated':
      return { ...event, data: { ...event.data, members: await mappedMembers(event.data.members, map) } };
    case 'HouseholdMoved': {
      const [from, to] = await Promise.all([mappedAddress(event.data.from, map), mappedAddress(event.data.to, map)]);
      return { ...event, data: { ...event.data, from, to } };
    }
    default:
      return event;
  }
}

function mappedMembers(members: readonly RecordedMember[], map: FieldMapping): Promise<RecordedMember[]> {
  return Promise.all(
    members.map(async (member) => {
      const [nationalId, firstName, lastName, birthDate, title] = await Promise.all([
        map('nationalId', member.nationalId),
        map('other', member.firstName),
        map('other', member.lastName),
        map('other', member.birthDate),
        member.title === undefined ? undefined : map('other', member.title),
      ]);
      return { ...member, nationalId, firstName, lastName, birthDate, ...(title === undefined ? {} : { title }) };
    }),
  );
}

async function mappedAddress(address: RecordedAddress, map: FieldMapping): Promise<RecordedAddress> {
  return address.houseNumber === undefined ? address : { ...address, houseNumber: await map('other', address.houseNumber) };
}
