import { Inject, Injectable } from '@nestjs/common';
import type { Db } from 'mongodb';
import { isDuplicateKeyError } from '@khu-siao/event-store';
import { DATABASE } from '@khu-siao/service-runtime';
import { Generation, STATE_COLLECTION, type ActivePointer, type GenerationState } from './generation';

/** Which generation of the read model serves, and the making of new ones. */
@Injectable()
export class Generations {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  private pointer() {
    return this.db.collection<ActivePointer>(STATE_COLLECTION);
  }

  private states() {
    return this.db.collection<GenerationState>(STATE_COLLECTION);
  }

  /** The serving generation; the first start makes generation 1 (empty, at position 0). */
  async active(): Promise<Generation> {
    const pointer = await this.pointer().findOne({ _id: 'active' });
    if (pointer) return new Generation(this.db, pointer.generation);
    const first = new Generation(this.db, 1);
    await this.insertState(first, true);
    try {
      await this.pointer().insertOne({ _id: 'active', generation: 1, switchedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const settled = await this.pointer().findOne({ _id: 'active' });
    return new Generation(this.db, settled?.generation ?? 1);
  }

  /** A new, empty generation, numbered after every existing one. */
  async create(): Promise<Generation> {
    const states = await this.states().find({ _id: { $ne: 'active' } }).toArray();
    const next = Math.max(0, ...states.map((state) => state.generation)) + 1;
    const generation = new Generation(this.db, next);
    await this.insertState(generation, false);
    return generation;
  }

  async switchTo(generation: Generation): Promise<void> {
    await this.states().updateOne({ _id: generation.stateId }, { $set: { complete: true } });
    await this.pointer().updateOne({ _id: 'active' }, { $set: { generation: generation.number, switchedAt: new Date() } }, { upsert: true });
  }

  /** Drops every generation but the serving one and the one before it (kept to compare with). */
  async dropOlderThan(previous: number): Promise<number[]> {
    const states = await this.states().find({ _id: { $ne: 'active' }, generation: { $lt: previous } }).toArray();
    for (const state of states) await new Generation(this.db, state.generation).drop();
    return states.map((state) => state.generation);
  }

  private async insertState(generation: Generation, complete: boolean): Promise<void> {
    await generation.ensureIndexes();
    try {
      await this.states().insertOne({ _id: generation.stateId, generation: generation.number, position: 0, complete, createdAt: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
