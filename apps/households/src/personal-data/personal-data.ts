import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@khu-siao/contracts';
import { EventStore } from '@khu-siao/event-store';
import type { HouseholdEvent } from '@khu-siao/households-domain';
import { isEncryptedField, maskNationalId, type ErasedField, type SecurityServices } from '@khu-siao/security';
import { SECURITY, type DecidedEvent } from '@khu-siao/service-runtime';
import { householdStream } from '../command-handling/household-stream';
import { NationalIdRegister } from '../national-ids/national-id-register';

/** A personal field as the service holds it in memory: clear, or erased once the household's key is destroyed. */
export type OpenedField = string | ErasedField;

type Fields = Record<string, unknown>;
type FieldMapping = (field: string, value: unknown) => Promise<unknown>;

const memberFields = ['nationalId', 'title', 'firstName', 'lastName', 'birthDate'] as const;
const addressFields = ['houseNumber'] as const;

/** The household as loaded from its stream: events as stored (sealed) and opened for deciding and reading. */
export interface LoadedHousehold {
  readonly version: number;
  readonly stored: readonly EventEnvelope[];
  readonly events: readonly HouseholdEvent[];
}

/**
 * Where personal data crosses the store boundary: the domain decides on clear members and addresses; events carry
 * them sealed under the household's data key (national IDs as the security library protects them). A household
 * whose key is destroyed opens as `{ erased: true }` field by field.
 */
@Injectable()
export class PersonalData {
  constructor(
    @Inject(SECURITY) private readonly security: SecurityServices,
    private readonly store: EventStore,
    private readonly nationalIds: NationalIdRegister,
  ) {}

  /** Loads or creates the data keys of many households ahead of sealing their events (a bulk import). */
  prepareKeys(householdIds: readonly string[]): Promise<void> {
    return this.security.dataKeys.prepareForWriting(householdIds);
  }

  /** Seals every personal field of the decided events before they are appended. */
  seal(householdId: string, events: readonly HouseholdEvent[]): Promise<DecidedEvent[]> {
    return Promise.all(
      events.map((event) =>
        mapPersonalFields(event, async (field, value) => {
          if (typeof value !== 'string') return value;
          return field === 'nationalId'
            ? this.security.nationalIds.encrypt(householdId, value)
            : this.security.fieldCipher.encryptField(householdId, value);
        }),
      ),
    );
  }

  /** Opens the sealed fields of stored events; erased fields stay `{ erased: true }`. */
  open(householdId: string, events: readonly { type: string; data: unknown }[]): Promise<HouseholdEvent[]> {
    return Promise.all(
      events.map(
        (event) =>
          mapPersonalFields(event, async (_field, value) =>
            isEncryptedField(value) ? this.security.fieldCipher.decryptField(householdId, value) : value,
          ) as Promise<HouseholdEvent>,
      ),
    );
  }

  /**
   * Reads and opens the household's stream. A stream that ends in its erasure has its erasure finished here, so a
   * request that died between the append and the key's destruction is completed by whatever touches it next.
   */
  async load(householdId: string): Promise<LoadedHousehold> {
    const { version, events: stored } = await this.store.readStream(householdStream(householdId));
    if (stored.at(-1)?.type === 'HouseholdErased') await this.finishErasure(householdId);
    return { version, stored, events: await this.open(householdId, stored) };
  }

  /** Destroys the household's data key and frees its national IDs: idempotent. */
  async finishErasure(householdId: string): Promise<void> {
    await this.security.dataKeys.erase(householdId);
    await this.nationalIds.releaseAll(householdId);
  }

  /** The member's national ID as sealed in the latest member list, for a recorded full read. */
  sealedNationalIdOf(stored: readonly EventEnvelope[], memberId: string): unknown {
    const latest = stored.findLast((event) => event.type === 'HouseholdRegistered' || event.type === 'HouseholdMembersUpdated');
    const members = ((latest?.data as { members?: Fields[] } | undefined)?.members ?? []);
    return members.find((member) => member['memberId'] === memberId)?.['nationalId'];
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

async function mapPersonalFields<TEvent extends { type: string; data: unknown }>(event: TEvent, map: FieldMapping): Promise<TEvent> {
  const data = event.data as Fields;
  const members = async (list: unknown) => Promise.all((list as Fields[]).map((member) => mapFields(member, memberFields, map)));
  const address = (value: unknown) => mapFields(value as Fields, addressFields, map);
  switch (event.type) {
    case 'HouseholdRegistered':
      return { ...event, data: { ...data, address: await address(data['address']), members: await members(data['members']) } };
    case 'HouseholdMembersUpdated':
      return { ...event, data: { ...data, members: await members(data['members']) } };
    case 'HouseholdMoved':
      return { ...event, data: { ...data, from: await address(data['from']), to: await address(data['to']) } };
    default:
      return event;
  }
}

async function mapFields(record: Fields, fields: readonly string[], map: FieldMapping): Promise<Fields> {
  const mapped = { ...record };
  for (const field of fields) if (mapped[field] !== undefined) mapped[field] = await map(field, mapped[field]);
  return mapped;
}
