/**
 * A feature module with one small aggregate, a team roster, that goes through the runtime's write path the way every
 * service's aggregates do: commands through the bus, If-Match and Idempotency-Key at the edge, a log projection
 * read right after the command, and a process over two rosters.
 */
import { Body, Controller, Get, Headers, Injectable, Module, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { InjectModel, MongooseModule, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { IsString } from 'class-validator';
import type { Response } from 'express';
import type { Model } from 'mongoose';
import type { DomainEventOf, TeamFormed, TeamMemberAdded } from '@khu-siao/contracts';
import { IllegalStateError, NotFoundError, type Decider, type Process } from '@khu-siao/decider';
import { streamOf } from '@khu-siao/event-store';
import { Allow } from '../access/access.decorators';
import type { AreaResolver } from '../access/area-resolver';
import { AggregateCommand } from '../commands/aggregate-command';
import { AggregateCommandHandler, type CommandOutcome } from '../commands/event-sourced-handler';
import { CommandContext, expectedVersionOf, withETag } from '../http/command-edge';
import { LogProjection, type LoggedEvent } from '../read-models/log-projection';

type RosterEvent = DomainEventOf<typeof TeamFormed> | DomainEventOf<typeof TeamMemberAdded>;
type RosterCommand = { type: 'Form'; teamId: string; name: string } | { type: 'Add'; teamId: string; officialId: string };
type RosterState = { formed: false } | { formed: true; members: readonly string[] };

export const rosterDecider: Decider<RosterCommand, RosterEvent, RosterState> = {
  initialState: () => ({ formed: false }),
  decide: (command, state) => {
    switch (command.type) {
      case 'Form':
        if (state.formed) throw new IllegalStateError('the team is formed already');
        return [{ type: 'TeamFormed', data: { teamId: command.teamId, kind: 'operational', name: command.name, area: { districtCode: '4001' }, formedOn: '2022-01-27' } }];
      case 'Add':
        if (!state.formed) throw new NotFoundError('team', command.teamId);
        if (state.members.includes(command.officialId)) return [];
        return [{ type: 'TeamMemberAdded', data: { teamId: command.teamId, officialId: command.officialId, role: 'member', addedOn: '2022-01-27' } }];
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'TeamFormed':
        return { formed: true, members: [] };
      case 'TeamMemberAdded':
        return state.formed ? { formed: true, members: [...state.members, event.data.officialId] } : state;
    }
  },
};

export class HandleRoster extends AggregateCommand<RosterCommand> {}

@CommandHandler(HandleRoster)
export class RosterHandler extends AggregateCommandHandler<RosterCommand, RosterEvent, RosterState> {
  protected readonly decider = rosterDecider;

  protected streamOf(teamId: string) {
    return streamOf<RosterEvent>('team', teamId);
  }

  protected override creates(command: RosterCommand): boolean {
    return command.type === 'Form';
  }
}

@Schema({ collection: 'roster_sizes', versionKey: false })
export class RosterSize {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) version!: number;
  @Prop({ required: true }) members!: number;
}
const RosterSizeSchema = SchemaFactory.createForClass(RosterSize);

/** How many members each team has, from the log: read right after a command, and rebuilt. */
@Injectable()
export class RosterSizes extends LogProjection {
  readonly name = 'roster-sizes';

  constructor(@InjectModel(RosterSize.name) private readonly sizes: Model<RosterSize>) {
    super();
  }

  async apply(events: readonly LoggedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'TeamFormed' && event.type !== 'TeamMemberAdded') continue;
      const added = event.type === 'TeamMemberAdded' ? 1 : 0;
      await this.sizes.updateOne(
        { _id: event.aggregateId, version: event.aggregateVersion - 1 },
        { $inc: { members: added }, $set: { version: event.aggregateVersion } },
        { upsert: event.aggregateVersion === 1 },
      );
    }
  }

  async clear(): Promise<void> {
    await this.sizes.deleteMany({});
  }
}

/** Two teams formed in turn, the second only once the first is: the smallest protocol over two streams. */
export const twinTeams: Process<{ first: string; second: string }, { formed: string }, { formed: string[]; first: string; second: string }, { type: 'Form'; teamId: string }> = {
  name: 'twin-teams',
  initialState: (input) => ({ ...input, formed: [] }),
  evolve: (state, outcome) => ({ ...state, formed: [...state.formed, outcome.formed] }),
  next: (state) => [state.first, state.second].map((teamId) => ({ type: 'Form' as const, teamId })).find((step) => !state.formed.includes(step.teamId)) ?? null,
};

class FormBody {
  @IsString() name!: string;
}
class AddBody {
  @IsString() officialId!: string;
}

@Injectable()
class FixtureArea implements AreaResolver {
  areaOf() {
    return { provinceCode: '40', districtCode: '4001' };
  }
}

@Controller('rosters')
class RosterController {
  constructor(
    private readonly bus: CommandBus,
    @InjectModel(RosterSize.name) private readonly sizes: Model<RosterSize>,
  ) {}

  @Post(':teamId')
  @Allow('teams.manage', FixtureArea)
  async form(@Param('teamId') teamId: string, @Body() body: FormBody, @CommandContext('optional') context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const outcome = await this.bus.execute<HandleRoster, CommandOutcome<RosterState>>(new HandleRoster(teamId, { type: 'Form', teamId, name: body.name }, context, 0));
    return withETag(response, { version: outcome.version, changed: outcome.changed });
  }

  @Put(':teamId/members')
  @Allow('teams.manage', FixtureArea)
  async add(
    @Param('teamId') teamId: string,
    @Body() body: AddBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expected = expectedVersionOf(ifMatch, 'optional', 'team');
    const outcome = await this.bus.execute<HandleRoster, CommandOutcome<RosterState>>(new HandleRoster(teamId, { type: 'Add', teamId, officialId: body.officialId }, context, expected));
    return withETag(response, { version: outcome.version, changed: outcome.changed });
  }

  @Put(':teamId/strict-members')
  @Allow('teams.manage', FixtureArea)
  async addStrictly(@Param('teamId') teamId: string, @Body() body: AddBody, @Headers('if-match') ifMatch: string | undefined, @CommandContext() context: CommandContext) {
    const expected = expectedVersionOf(ifMatch, 'required', 'team');
    const outcome = await this.bus.execute<HandleRoster, CommandOutcome<RosterState>>(new HandleRoster(teamId, { type: 'Add', teamId, officialId: body.officialId }, context, expected));
    return { version: outcome.version };
  }

  @Get(':teamId/size')
  @Allow('teams.read', FixtureArea)
  async size(@Param('teamId') teamId: string) {
    const size = await this.sizes.findById(teamId).lean();
    if (!size) throw new NotFoundError('team', teamId);
    return { members: size.members, version: size.version };
  }
}

@Module({
  imports: [MongooseModule.forFeature([{ name: RosterSize.name, schema: RosterSizeSchema }])],
  controllers: [RosterController],
  providers: [RosterHandler, RosterSizes, FixtureArea],
})
export class RosterFixtureModule {}
