import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { errorOf, refusalOf, type Refusal } from '@khu-siao/decider';
import { StreamConflictError, eventIdsFor } from '@khu-siao/event-store';
import {
  pairingDecider,
  pairingProtocol,
  type BuddyChange,
  type CaseloadPlaceRef,
  type HouseholdPairings,
  type PairingCommand,
  type PairingProtocolOutcome,
  type PairingProtocolStep,
} from '@khu-siao/pairings-domain';
import { Clock, KnownHouseholds, ProcessRunner, type CommandContext, type CommandOutcome, type StepTaker } from '@khu-siao/service-runtime';
import { CASELOAD_LIMIT } from '../official/caseload-limit';
import { HandleOfficial } from '../official/official.handler';
import { newIdFor } from '../request-ids';
import { HandlePairing, PairingHandler } from './pairing.handler';

/** What a pairing change answers: the household's pairing stream version, and the pairing now in force. */
export interface PairingChange {
  readonly householdId: string;
  readonly pairingId: string | null;
  readonly officialId: string | null;
  readonly version: number;
}

type Change = { readonly householdId: string } & (
  | { readonly kind: 'pair'; readonly officialId: string }
  | { readonly kind: 'reassign'; readonly officialId: string; readonly reason: string }
  | { readonly kind: 'unpair'; readonly reason: string }
);

/**
 * Runs the pairing protocol (`pairingProtocol` of the domain) and takes its steps. The change's id derives from the
 * caller's Idempotency-Key when there is one: a retry takes up the same change and answers its outcome. Each step's
 * command carries a key of its own, derived from the change, so a step taken again (after a crash) is appended once.
 */
@Injectable()
export class PairingProtocolRunner implements OnApplicationBootstrap {
  constructor(
    private readonly runner: ProcessRunner,
    private readonly bus: CommandBus,
    private readonly pairings: PairingHandler,
    private readonly households: KnownHouseholds,
    private readonly clock: Clock,
    @Inject(CASELOAD_LIMIT) private readonly caseloadLimit: number,
  ) {}

  /** A change cut off when the service died is completed, or compensated, before the service answers again. */
  async onApplicationBootstrap(): Promise<void> {
    await this.runner.resumeUnended(pairingProtocol, this.take);
  }

  async change(requested: Change, context: CommandContext): Promise<PairingChange> {
    const changeId = newIdFor('buddy-change', context);
    const change: BuddyChange = { ...requested, changeId, on: this.clock.today(), requestedBy: context.actor };
    const state = await this.runner.run(pairingProtocol, changeId, change, this.take, { request: context.idempotency?.fingerprint });
    if (state.refusal) throw errorOf(state.refusal);
    if (!state.recorded) throw new Error(`pairing change ${changeId} ended unrecorded and unrefused`);
    const done = state.change;
    const paired = done.kind === 'unpair' ? { pairingId: null, officialId: null } : { pairingId: done.changeId, officialId: done.officialId };
    return { householdId: done.householdId, ...paired, version: state.recorded.version };
  }

  private readonly take: StepTaker<BuddyChange, PairingProtocolStep, PairingProtocolOutcome> = (step, change) => {
    switch (step.type) {
      case 'checkHousehold':
        return outcomeOf(
          async () => {
            const { state } = await this.pairings.load(change.householdId);
            pairingDecider.decide(await this.pairingCommand(change), state);
            return { type: 'householdAccepts' };
          },
          (refusal) => ({ type: 'householdRefuses', refusal }),
        );
      case 'takePlace':
        return outcomeOf(
          async () => {
            const { officialId, pairingId } = step.place;
            const command = { type: 'TakeOnHousehold', officialId, pairingId, householdId: change.householdId, takenOn: change.on, caseloadLimit: this.caseloadLimit } as const;
            await this.bus.execute(new HandleOfficial(officialId, command, stepContext(change, 'take-place')));
            return { type: 'placeTaken' };
          },
          (refusal) => ({ type: 'placeRefused', refusal }),
        );
      case 'recordPairing':
        return outcomeOf(
          () => this.record(change),
          (refusal) => ({ type: 'pairingRefused', refusal }),
        );
      case 'releasePlace':
        return outcomeOf(
          async () => {
            const { officialId, pairingId } = step.place;
            const command = { type: 'ReleaseHousehold', officialId, pairingId, releasedOn: change.on, reason: step.reason } as const;
            await this.bus.execute(new HandleOfficial(officialId, command, stepContext(change, `release-${step.reason}`)));
            return { type: 'placeReleased', reason: step.reason };
          },
          (refusal) => ({ type: 'placeReleased', reason: step.reason, refusal }),
        );
    }
  };

  /** Records the change on the household's stream; the pairing it ended is read from the events it appended. */
  private async record(change: BuddyChange): Promise<PairingProtocolOutcome> {
    const context = stepContext(change, 'record');
    try {
      const { version } = await this.bus.execute<HandlePairing, CommandOutcome<HouseholdPairings>>(new HandlePairing(change.householdId, await this.pairingCommand(change), context));
      return { type: 'pairingRecorded', version, ended: await this.endedBy(change.householdId, context) };
    } catch (error) {
      if (!(error instanceof StreamConflictError)) throw error;
      // Decided again and again on a stream others kept changing: never recorded, so its place goes back.
      return { type: 'pairingRefused', refusal: { kind: 'illegalState', message: `the pairings of household ${change.householdId} kept changing: try again` } };
    }
  }

  private async endedBy(householdId: string, context: CommandContext): Promise<CaseloadPlaceRef | null> {
    const [firstEventId] = eventIdsFor(1, context.idempotency?.key);
    const { stored } = await this.pairings.load(householdId);
    const ended = stored.find((event) => event.eventId === firstEventId);
    return ended?.type === 'HouseholdUnpaired' ? { officialId: ended.data.officialId, pairingId: ended.data.pairingId } : null;
  }

  /** The command on the household's stream, decided on what is known of the household when the step is taken. */
  private async pairingCommand(change: BuddyChange): Promise<PairingCommand> {
    const { householdId, on } = change;
    switch (change.kind) {
      case 'pair':
        return { type: 'PairHousehold', pairingId: change.changeId, householdId, officialId: change.officialId, pairedOn: on, household: await this.households.of(householdId) };
      case 'reassign': {
        const household = await this.households.of(householdId);
        return { type: 'ReassignBuddy', pairingId: change.changeId, householdId, officialId: change.officialId, reassignedOn: on, reason: change.reason, household };
      }
      case 'unpair':
        return { type: 'UnpairHousehold', householdId, unpairedOn: on, reason: change.reason };
    }
  }
}

/** Each step's command is keyed by the change and the step: taken again, it is appended once. */
function stepContext(change: BuddyChange, step: string): CommandContext {
  return { actor: change.requestedBy, idempotency: { key: `${pairingProtocol.name}:${change.changeId}#${step}`, fingerprint: change.changeId } };
}

/** A domain refusal is an outcome the process records; anything else is a failure, and the step is taken again. */
async function outcomeOf(attempt: () => Promise<PairingProtocolOutcome>, refused: (refusal: Refusal) => PairingProtocolOutcome): Promise<PairingProtocolOutcome> {
  try {
    return await attempt();
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return refused(refusal);
  }
}
