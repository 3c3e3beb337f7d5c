import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { GrantParties } from './grant-parties.schema';

@Injectable()
export class Grants {
  constructor(@InjectModel(GrantParties.name) private readonly grants: Model<GrantParties>) {}

  /** The centre that pays a grant; null for a grant never recorded. */
  async centreOf(grantId: string): Promise<string | null> {
    return (await this.grants.findById(grantId, { centreId: 1 }).lean())?.centreId ?? null;
  }
}
