/**
 * A minimal feature module that exercises the runtime the way a real service does: an HTTP command through the
 * command bus into the event store, and an @EventPattern handler fed from Kafka through the relay.
 */
import { Body, Controller, Get, Headers, Inject, Injectable, Module, Param, Post } from '@nestjs/common';
import type { Request } from 'express';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IsDateString, IsString } from 'class-validator';
import { PinoLogger } from 'nestjs-pino';
import type { Db } from 'mongodb';
import type { DomainEventOf, EventEnvelope, HouseholdPaired } from '@khu-siao/contracts';
import type { Decider } from '@khu-siao/decider';
import { streamOf } from '@khu-siao/event-store';
import { DATABASE } from '../tokens';
import { Allow, Caller, actorOf } from '../access/access.decorators';
import type { AreaResolver } from '../access/area-resolver';
import type { Principal } from '@khu-siao/security';
import { AggregateCommand } from '../commands/aggregate-command';
import { AggregateCommandHandler, type CommandOutcome } from '../commands/event-sourced-handler';

/** Every fixture household lies in district 4001 (Mueang Khon Kaen), but `missing`, which does not exist. */
@Injectable()
class FixtureHouseholdArea implements AreaResolver {
  areaOf(request: Request) {
    const householdId = (request.body as { householdId?: unknown } | undefined)?.householdId;
    return householdId === 'missing' ? undefined : { provinceCode: '40', districtCode: '4001' };
  }
}

class PairBody {
  @IsString() householdId!: string;
  @IsString() officialId!: string;
  @IsDateString() pairedOn!: string;
}

type PairCommand = { readonly type: 'Pair'; readonly pairingId: string } & PairBody;
type PairEvent = DomainEventOf<typeof HouseholdPaired>;

const pairingDecider: Decider<PairCommand, PairEvent, number> = {
  initialState: () => 0,
  decide: ({ pairingId, householdId, officialId, pairedOn }) => {
    if (householdId === 'explode') throw new Error('boom with secret 1234567890123');
    return [{ type: 'HouseholdPaired', data: { pairingId, householdId, officialId, pairedOn } }];
  },
  evolve: (count) => count + 1,
};

class Pair extends AggregateCommand<PairCommand> {}

@CommandHandler(Pair)
class PairHandler extends AggregateCommandHandler<PairCommand, PairEvent, number> {
  protected readonly decider = pairingDecider;

  protected streamOf(pairingId: string) {
    return streamOf<PairEvent>('pairing', pairingId);
  }
}

@Controller('fixture')
class FixtureController {
  constructor(
    private readonly commands: CommandBus,
    private readonly logger: PinoLogger,
    @Inject(DATABASE) private readonly db: Db,
  ) {}

  @Post('pairings/:id')
  @Allow('pairings.pair', FixtureHouseholdArea)
  async pair(@Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: PairBody, @Caller() caller: Principal) {
    this.logger.info({ pairingId: id }, 'pairing household');
    const command = { type: 'Pair' as const, pairingId: id, householdId: body.householdId, officialId: body.officialId, pairedOn: body.pairedOn };
    const outcome = await this.commands.execute<Pair, CommandOutcome<number>>(new Pair(id, command, { actor: actorOf(caller) }, Number(ifMatch ?? 0)));
    return { version: outcome.version };
  }

  /** A route that declares no operation: closed to everyone. */
  @Get('undeclared')
  undeclared() {
    return { open: true };
  }

  @EventPattern('HouseholdPaired')
  async seen(@Payload() event: EventEnvelope) {
    this.logger.info({ eventId: event.eventId }, 'pairing seen');
    await this.db.collection('seen').insertOne({ eventId: event.eventId, correlationId: event.correlationId });
  }
}

@Module({ controllers: [FixtureController], providers: [PairHandler, FixtureHouseholdArea] })
export class PairingFixtureModule {}
