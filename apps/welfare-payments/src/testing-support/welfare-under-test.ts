import type { Db, MongoClient } from 'mongodb';
import { EventRelay, ensureTopics } from '@khu-siao/messaging';
import { startServiceInProcess, type InProcessServers, type ServiceInProcess } from '@khu-siao/service-runtime';
import { WelfarePaymentsModule } from '../welfare-payments.module';

/** What the specs hand over of their test context (`createTestContext`: the test machinery is for specs only). */
export type SpecContext = Omit<InProcessServers, 'database'> &
  Pick<ConstructorParameters<typeof EventRelay>[0], 'kafka' | 'topics' | 'logger'> & {
    readonly client: MongoClient;
    database(suffix: string): Db;
  };

/** The service consumes the households topic: made first, as the households service would. */
export const householdsTopic = (context: SpecContext) => ensureTopics(context.kafka, [{ topic: context.topics.events('households') }]);

/** The service in this jest process, on the file's servers. */
export async function welfareInProcess(context: SpecContext): Promise<ServiceInProcess> {
  await householdsTopic(context);
  return startServiceInProcess(WelfarePaymentsModule, context, {
    service: 'welfare-payments',
    openApi: { title: 'welfare-payments', description: 'spec' },
    consumes: { group: 'welfare-payments-households', from: ['households'] },
  });
}
