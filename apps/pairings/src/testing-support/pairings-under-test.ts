import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { platformCatalogue, type AreaCode } from '@khu-siao/contracts';
import { EventStore, type StreamRef } from '@khu-siao/event-store';
import { EventRelay } from '@khu-siao/messaging';
import { LocalSignIn } from '@khu-siao/security';
import { startServiceInProcess, type InProcessServers, type ServiceInProcess } from '@khu-siao/service-runtime';
import { PairingsModule, householdsConsumption, type PairingsOptions } from '../pairings.module';

/** What the specs hand over of their test context (`createTestContext`: the test machinery is for specs only). */
export type SpecContext = Omit<InProcessServers, 'database'> &
  Pick<ConstructorParameters<typeof EventRelay>[0], 'kafka' | 'topics' | 'logger'> & {
    database(suffix: string): Db;
    close(): Promise<void>;
  };

/** The specs' one way of waiting for a condition (`until` of the test machinery), handed in by the spec. */
export type Until = (condition: () => Promise<unknown>, what: string) => Promise<unknown>;

export const areaOfVillage = (villageCode: string): AreaCode => ({
  provinceCode: villageCode.slice(0, 2),
  districtCode: villageCode.slice(0, 4),
  tambonCode: villageCode.slice(0, 6),
  villageCode,
});

/** A sealed personal field as the households service writes it (pairings never opens one). */
const sealed = 'pd1.c2VhbGVkLWluLXNwZWM';
const householdStream = (householdId: string): StreamRef => ({ aggregateType: 'household', aggregateId: householdId });
const pairingsOptions: PairingsOptions = { provinceCode: '40' };

/**
 * The households context's side as its service would write it (its event store and its relay to Kafka), for a
 * pairings service (in this process or another) to learn households from, and what pairings has learnt of them.
 */
export class HouseholdsSide {
  readonly signIn: LocalSignIn;
  readonly pairingsDb: Db;
  private readonly versions = new Map<string, number>();

  protected constructor(
    readonly context: SpecContext,
    private readonly until: Until,
    private readonly householdsStore: EventStore,
    private readonly householdsRelay: EventRelay,
  ) {
    this.signIn = new LocalSignIn(context.securityEnv);
    this.pairingsDb = context.database('pairings');
  }

  static async create(context: SpecContext, until: Until): Promise<HouseholdsSide> {
    const { store, relay } = await HouseholdsSide.relayed(context);
    return new HouseholdsSide(context, until, store, relay);
  }

  protected static async relayed(context: SpecContext): Promise<{ store: EventStore; relay: EventRelay }> {
    const householdsDb = context.database('households');
    const store = new EventStore(householdsDb, { catalogue: platformCatalogue });
    await store.ensureIndexes();
    const relay = new EventRelay({
      name: 'households',
      db: householdsDb,
      store,
      kafka: context.kafka,
      topics: context.topics,
      catalogue: platformCatalogue,
      logger: context.logger,
      idleMs: 20,
    });
    await relay.start();
    return { store, relay };
  }

  async close(): Promise<void> {
    await this.householdsRelay.stop();
    await this.context.close();
  }

  knownHousehold(householdId: string) {
    return this.pairingsDb.collection('known_households').findOne({ _id: householdId as never });
  }

  /**
   * Records a household event on the households side and waits until pairings has learnt of it: in what it knows of
   * households, and in the household part of its overdue list.
   */
  async householdEvent(householdId: string, type: string, data: unknown): Promise<void> {
    const version = this.versions.get(householdId) ?? 0;
    const metadata = { correlationId: randomUUID(), causationId: null, actor: { kind: 'person' as const, id: 'spec' } };
    await this.householdsStore.append(householdStream(householdId), version, [{ eventId: randomUUID(), type, data, metadata }]);
    this.versions.set(householdId, version + 1);
    const overdue = () => this.pairingsDb.collection('overdue_visits').findOne({ _id: householdId as never });
    await this.until(
      async () => (await this.knownHousehold(householdId))?.['version'] === version + 1 && (await overdue())?.['householdVersion'] === version + 1,
      `pairings to learn ${type} of ${householdId}`,
    );
  }

  /** Registers a household (its members and house number sealed, as schema version 2 carries them). */
  async registerHousehold(villageCode = '40010103'): Promise<string> {
    const householdId = randomUUID();
    const member = { memberId: 'm-1', nationalId: sealed, firstName: sealed, lastName: sealed, birthDate: sealed, sex: 'male', relation: 'head', disability: false, chronicIllness: false };
    await this.householdEvent(householdId, 'HouseholdRegistered', {
      householdId,
      source: 'tpmap',
      address: { area: areaOfVillage(villageCode), houseNumber: sealed },
      members: [member],
    });
    return householdId;
  }

  closeCase(householdId: string): Promise<void> {
    return this.householdEvent(householdId, 'HouseholdCaseClosed', { closedOn: '2025-01-10', reason: 'movedAway' });
  }

  erase(householdId: string): Promise<void> {
    return this.householdEvent(householdId, 'HouseholdErased', { erasedOn: '2025-02-01', basis: 'dataSubjectRequest', requestRef: 'DPO/2025/7' });
  }

  moveHousehold(householdId: string, from: string, to: string): Promise<void> {
    return this.householdEvent(householdId, 'HouseholdMoved', {
      from: { area: areaOfVillage(from), houseNumber: sealed },
      to: { area: areaOfVillage(to), houseNumber: sealed },
      movedOn: '2025-03-01',
    });
  }
}

/** The pairings service started in process for a spec, fed by the households side, and signed-in callers. */
export class PairingsUnderTest extends HouseholdsSide {
  private constructor(
    context: SpecContext,
    until: Until,
    public service: ServiceInProcess,
    store: EventStore,
    relay: EventRelay,
  ) {
    super(context, until, store, relay);
  }

  static start(context: SpecContext, options: PairingsOptions = pairingsOptions): Promise<ServiceInProcess> {
    return startServiceInProcess(PairingsModule.forRoot({ ...pairingsOptions, ...options }), context, {
      service: 'pairings',
      openApi: { title: 'pairings', description: 'spec' },
      consumes: { group: householdsConsumption.group, from: [...householdsConsumption.from] },
    });
  }

  static override async create(context: SpecContext, until: Until): Promise<PairingsUnderTest> {
    const service = await PairingsUnderTest.start(context);
    const { store, relay } = await HouseholdsSide.relayed(context);
    return new PairingsUnderTest(context, until, service, store, relay);
  }

  override async close(): Promise<void> {
    await this.service.close();
    await super.close();
  }
}
