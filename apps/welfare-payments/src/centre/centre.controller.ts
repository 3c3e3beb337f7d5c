import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { InvalidCommandError, NotFoundError } from '@khu-siao/decider';
import { Allow, Clock, CommandContext, expectedVersionOf, withETag, type CommandOutcome, type ExpectedVersion } from '@khu-siao/service-runtime';
import { isKhonKaenDistrict, khonKaenProvinceCode } from '@khu-siao/thai-areas';
import type { CentreCommand, CentreState } from '@khu-siao/welfare-payments-domain';
import { CentreRegister } from '../read-models/centre-register/centre-register.query';
import { CentreInPath, KhonKaen, RequestedCentreArea } from './centre-area';
import { CentreQueryParams, CloseCentreBody, RegisterCentreBody, RelocateCentreBody } from './centre-body';
import { HandleCentre } from './centre.handler';

@ApiTags('centres')
@ApiBearerAuth()
@Controller('centres')
export class CentreController {
  constructor(
    private readonly bus: CommandBus,
    private readonly register: CentreRegister,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('budgets.manage', RequestedCentreArea)
  @ApiOperation({ summary: 'Register a tambon social-assistance centre or a Community Family Development Centre, in its tambon' })
  @ApiCreatedResponse({ description: 'registered; ETag is its version' })
  @ApiBadRequestResponse({ description: "each field at fault, such as an area outside Khon Kaen's 26 districts" })
  @ApiConflictResponse({ description: 'the centre is already registered' })
  async registerCentre(@Body() body: RegisterCentreBody, @CommandContext('optional') context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const { centreId, name, kind } = body;
    const { provinceCode, districtCode, tambonCode } = body.area;
    const command = { type: 'RegisterCentre', centreId, name, kind, area: { provinceCode, districtCode, tambonCode }, registeredBy: context.actor.id, registeredAt: this.clock.now() } as const;
    const version = await this.change(centreId, command, context, 'any');
    response.setHeader('Location', `/centres/${centreId}`);
    return withETag(response, { centreId, version });
  }

  @Get()
  @Allow('budgets.read', KhonKaen)
  @ApiOperation({ summary: 'The centres on the register, by district (and tambon), in centre id order' })
  @ApiBadRequestResponse({ description: 'a district or tambon code that is malformed, or a district not in Khon Kaen' })
  async centres(@Query() query: CentreQueryParams) {
    if (query.districtCode !== undefined && !isKhonKaenDistrict(query.districtCode)) {
      throw new InvalidCommandError([{ field: 'districtCode', message: `is not a district of province ${khonKaenProvinceCode}` }]);
    }
    const items = await this.register.list(query);
    return { total: items.length, items };
  }

  @Get(':centreId')
  @Allow('budgets.read', CentreInPath)
  @ApiOperation({ summary: 'A centre: name, kind, status and area' })
  @ApiOkResponse({ description: 'the centre; ETag is its version' })
  @ApiNotFoundResponse({ description: 'no such centre on the register' })
  async centre(@Param('centreId') centreId: string, @Res({ passthrough: true }) response: Response) {
    const centre = await this.register.centre(centreId);
    if (!centre) throw new NotFoundError('centre', centreId);
    return withETag(response, centre);
  }

  @Post(':centreId/relocations')
  @Allow('budgets.manage', CentreInPath)
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a centre to another tambon; its budgets and grants stay its own' })
  @ApiHeader({ name: 'if-match', required: false, description: 'the centre version last read' })
  @ApiNotFoundResponse({ description: 'no such centre on the register' })
  @ApiConflictResponse({ description: 'the centre is closed, or moved on since the version in If-Match' })
  async relocate(
    @Param('centreId') centreId: string,
    @Body() body: RelocateCentreBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { provinceCode, districtCode, tambonCode } = body.area;
    const area = { provinceCode, districtCode, tambonCode };
    const command = { type: 'RelocateCentre', centreId, area, reason: body.reason, relocatedBy: context.actor.id, relocatedAt: this.clock.now() } as const;
    const version = await this.change(centreId, command, context, expectedVersionOf(ifMatch, 'optional', 'centre'));
    return withETag(response, { centreId, version });
  }

  @Post(':centreId/closure')
  @Allow('budgets.manage', CentreInPath)
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a centre: no budget is allocated to it again; what it granted is still paid' })
  @ApiHeader({ name: 'if-match', required: false, description: 'the centre version last read' })
  @ApiNotFoundResponse({ description: 'no such centre on the register' })
  @ApiConflictResponse({ description: 'the centre is closed already, or moved on since the version in If-Match' })
  async close(
    @Param('centreId') centreId: string,
    @Body() body: CloseCentreBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'CloseCentre', centreId, reason: body.reason, closedBy: context.actor.id, closedAt: this.clock.now() } as const;
    const version = await this.change(centreId, command, context, expectedVersionOf(ifMatch, 'optional', 'centre'));
    return withETag(response, { centreId, version });
  }

  private async change(centreId: string, command: CentreCommand, context: CommandContext, expectedVersion: ExpectedVersion): Promise<number> {
    const outcome = await this.bus.execute<HandleCentre, CommandOutcome<CentreState>>(new HandleCentre(centreId, command, context, expectedVersion));
    return outcome.version;
  }
}
