/**
 * A minimal feature module that exercises the runtime the way a real service does: an HTTP command through the
 * command bus into the event store, and an @EventPattern handler fed from Kafka through the relay.
 */
import { Body, Controller, Get, Headers, Inject, Injectable, Module, Param, Post } from '@nestjs/common';
import type { Request } from 'express';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IsDateString, IsString } from 'class-validator';
import { PinoLogger } from 'nestjs-pino';
import type { Db } from 'mongodb';
import type { EventEnvelope } from '@khu-siao/contracts';
import { EventStore, eventIdsFor } from '@khu-siao/event-store';
import { currentCorrelation } from '@khu-siao/observability';
import { DATABASE } from '../tokens';
import { Allow } from '../access/access.decorators';
import type { AreaResolver } from '../access/area-resolver';

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

class Pair {
  constructor(
    readonly pairingId: string,
    readonly expectedVersion: number,
    readonly body: PairBody,
  ) {}
}

@CommandHandler(Pair)
class PairHandler implements ICommandHandler<Pair> {
  constructor(
    private readonly store: EventStore,
    private readonly logger: PinoLogger,
  ) {}

  async execute(command: Pair) {
    const correlation = currentCorrelation();
    if (command.body.householdId === 'explode') throw new Error('boom with secret 1234567890123');
    this.logger.info({ pairingId: command.pairingId }, 'pairing household');
    const result = await this.store.append({ aggregateType: 'pairing', aggregateId: command.pairingId }, command.expectedVersion, [
      {
        eventId: eventIdsFor(1)[0],
        type: 'HouseholdPaired',
        data: { pairingId: command.pairingId, ...command.body },
        metadata: {
          correlationId: correlation?.correlationId ?? 'none',
          causationId: null,
          actor: { kind: 'person', id: command.body.officialId },
        },
      },
    ]);
    return { version: result.nextExpectedVersion };
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
  pair(@Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: PairBody) {
    return this.commands.execute(new Pair(id, Number(ifMatch ?? 0), body));
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
