import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidV7 } from 'uuid';
import type { Actor } from '@khu-siao/contracts';
import { StreamConflictError } from '@khu-siao/event-store';
import { officialDecider, pairingDecider, type CaseloadReleaseReason, type PairingCommand } from '@khu-siao/pairings-domain';
import { CASELOAD_LIMIT } from '../caseload-limit';
import { Aggregates, officialStream, pairingStream } from '../command-handling/aggregates';
import { bangkokToday } from '../command-handling/bangkok-today';
import { KnownHouseholds } from '../known-households/known-households';

const attempts = 5;

export interface PairingChange {
  readonly householdId: string;
  readonly pairingId: string | null;
  readonly officialId: string | null;
  /** The household's pairing stream version. */
  readonly version: number;
}

/**
 * The protocol of `libs/pairings/domain/src/pairing/business-logic.ts`: decide on both streams, take the official's
 * caseload place first at its expected version, then append to the household's pairing stream at its expected
 * version; a loser of the race on the household's stream re-decides (and is refused) and releases its place.
 */
@Injectable()
export class PairingProtocol {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly households: KnownHouseholds,
    @Inject(CASELOAD_LIMIT) private readonly caseloadLimit: number,
  ) {}

  async pair(householdId: string, officialId: string, actor: Actor): Promise<PairingChange> {
    const pairingId = uuidV7();
    const today = bangkokToday();
    const household = await this.households.of(householdId);
    const command: PairingCommand = { type: 'PairHousehold', pairingId, householdId, officialId, pairedOn: today, household };
    return this.moveTo(householdId, officialId, pairingId, command, actor);
  }

  async reassign(householdId: string, officialId: string, reason: string, actor: Actor): Promise<PairingChange> {
    const pairingId = uuidV7();
    const today = bangkokToday();
    const household = await this.households.of(householdId);
    const command: PairingCommand = { type: 'ReassignBuddy', pairingId, householdId, officialId, reassignedOn: today, reason, household };
    const before = await this.aggregates.load(pairingStream(householdId), pairingDecider);
    const change = await this.moveTo(householdId, officialId, pairingId, command, actor);
    const previous = before.state.current;
    if (previous) await this.release(previous.officialId, previous.pairingId, 'reassigned', actor);
    return change;
  }

  async unpair(householdId: string, reason: string, actor: Actor): Promise<PairingChange> {
    const { state } = await this.aggregates.load(pairingStream(householdId), pairingDecider);
    const command: PairingCommand = { type: 'UnpairHousehold', householdId, unpairedOn: bangkokToday(), reason };
    const { version } = await this.aggregates.execute(pairingStream(householdId), pairingDecider, command, actor);
    const ended = state.current;
    if (ended) await this.release(ended.officialId, ended.pairingId, 'unpaired', actor);
    return { householdId, pairingId: null, officialId: null, version };
  }

  /** Pair or reassign: the new official's place first, then the household's stream. */
  private async moveTo(householdId: string, officialId: string, pairingId: string, command: PairingCommand, actor: Actor): Promise<PairingChange> {
    // Decide on the household first: refusals (unknown, closed, already paired) cost no write.
    const onHousehold = await this.aggregates.decide(pairingStream(householdId), pairingDecider, command);
    if (onHousehold.events.length === 0) return { householdId, pairingId, officialId, version: onHousehold.version };
    await this.takePlace(officialId, pairingId, householdId, actor);
    let decided = onHousehold;
    for (let attempt = 1; ; attempt++) {
      try {
        const version = await this.aggregates.append(decided, actor);
        return { householdId, pairingId, officialId, version };
      } catch (error) {
        if (!(error instanceof StreamConflictError) || attempt >= attempts) {
          await this.release(officialId, pairingId, 'pairingNeverRecorded', actor);
          throw error;
        }
      }
      // Another pairing reached the household first: re-decide on its version (usually a refusal) and, if refused,
      // give the place back.
      try {
        decided = await this.aggregates.decide(pairingStream(householdId), pairingDecider, command);
      } catch (refusal) {
        await this.release(officialId, pairingId, 'pairingNeverRecorded', actor);
        throw refusal;
      }
      if (decided.events.length === 0) return { householdId, pairingId, officialId, version: decided.version };
    }
  }

  private async takePlace(officialId: string, pairingId: string, householdId: string, actor: Actor): Promise<void> {
    await this.aggregates.execute(
      officialStream(officialId),
      officialDecider,
      { type: 'TakeOnHousehold', officialId, pairingId, householdId, takenOn: bangkokToday(), caseloadLimit: this.caseloadLimit },
      actor,
    );
  }

  private async release(officialId: string, pairingId: string, reason: CaseloadReleaseReason, actor: Actor): Promise<void> {
    await this.aggregates.execute(
      officialStream(officialId),
      officialDecider,
      { type: 'ReleaseHousehold', officialId, pairingId, releasedOn: bangkokToday(), reason },
      actor,
    );
  }
}
