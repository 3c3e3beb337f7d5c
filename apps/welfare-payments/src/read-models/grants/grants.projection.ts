import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LogProjection, type LoggedEvent } from '@khu-siao/service-runtime';
import { GrantParties } from './grant-parties.schema';

/** The parties of each grant, from its approval: they never change afterwards. */
@Injectable()
export class GrantsProjection extends LogProjection {
  readonly name = 'grants';

  constructor(@InjectModel(GrantParties.name) private readonly grants: Model<GrantParties>) {
    super();
  }

  async apply(events: readonly LoggedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'AssistanceGranted') continue;
      const { grantId, centreId, recipient } = event.data;
      const householdId = recipient.kind === 'household' ? recipient.householdId : null;
      await this.grants.updateOne({ _id: grantId }, { $setOnInsert: { centreId, householdId } }, { upsert: true });
    }
  }

  async clear(): Promise<void> {
    await this.grants.deleteMany({});
  }
}
