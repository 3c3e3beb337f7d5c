import { randomBytes } from 'node:crypto';
import { platformCatalogue } from '@khu-siao/contracts';
import { EventStore, streamOf } from '@khu-siao/event-store';
import { EventRelay } from '@khu-siao/messaging';
import { householdsTopic, type SpecContext } from './welfare-under-test';

/** A personal field as the households service seals it (schema version 2): ciphertext this service never opens. */
const sealed = () => `pd1.${randomBytes(24).toString('base64url')}`;
const seedMetadata = (id: string) => ({ correlationId: `seed-${id}`, causationId: null, actor: { kind: 'client', id: 'seed' } }) as const;
const householdStream = (householdId: string) => streamOf('household', householdId);

/** The registration of household `hh-<serial>`, as the households service would record it. */
function householdRegistered(serial: number) {
  const householdId = `hh-${serial}`;
  return {
    eventId: `00000000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    type: 'HouseholdRegistered',
    data: {
      householdId,
      source: 'tpmap',
      address: { area: { provinceCode: '40', districtCode: '4001', tambonCode: '400101', villageCode: '40010103' }, houseNumber: sealed() },
      members: [
        {
          memberId: `m-${serial}`,
          nationalId: sealed(),
          firstName: sealed(),
          lastName: sealed(),
          birthDate: sealed(),
          sex: 'male',
          relation: 'head',
          disability: false,
          chronicIllness: false,
        },
      ],
    },
    metadata: seedMetadata(householdId),
  } as const;
}

/**
 * The households context as the households service would publish it: events in a store of its own, relayed to its
 * topic, which the welfare-payments service consumes into its known households.
 */
export class PublishedHouseholds {
  private relay?: EventRelay;

  private constructor(
    private readonly context: SpecContext,
    private readonly store: EventStore,
  ) {}

  /** Call before the service starts: its consumer needs the topic. */
  static async prepare(context: SpecContext): Promise<PublishedHouseholds> {
    const store = new EventStore(context.database('households'), { catalogue: platformCatalogue });
    await store.ensureIndexes();
    await householdsTopic(context);
    return new PublishedHouseholds(context, store);
  }

  /** Registers `hh-0` … `hh-<count − 1>` and starts publishing them. */
  async register(count: number): Promise<void> {
    for (let serial = 0; serial < count; serial += 1) {
      await this.store.append(householdStream(`hh-${serial}`), 0, [householdRegistered(serial)]);
    }
    this.relay = new EventRelay({
      name: 'households',
      db: this.context.database('households'),
      store: this.store,
      kafka: this.context.kafka,
      topics: this.context.topics,
      catalogue: platformCatalogue,
      logger: this.context.logger,
      idleMs: 20,
    });
    await this.relay.start();
  }

  /** Erases a registered household's personal data (PDPA), as the households service records it. */
  async erase(householdId: string, erasedOn: string): Promise<void> {
    const erased = { eventId: '00000000-0000-7000-8000-ee0000000001', type: 'HouseholdErased', data: { erasedOn, basis: 'dataSubjectRequest', requestRef: 'DPO-2565-001' } };
    await this.store.append(householdStream(householdId), 1, [{ ...erased, metadata: seedMetadata(householdId) }]);
  }

  /** How many of the service's known households match `filter`: what a spec waits on after publishing. */
  known(databaseName: string, filter: Record<string, unknown> = {}): Promise<number> {
    return this.context.client.db(databaseName).collection('known_households').countDocuments(filter);
  }

  async stop(): Promise<void> {
    await this.relay?.stop();
  }
}
