import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
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
import { centreDecider, type CentreCommand, type CentreState } from '@khu-siao/welfare-payments-domain';
import { isKhonKaenDistrict, khonKaenProvinceCode } from '@khu-siao/thai-areas';
import { bangkokNow } from '../command-handling/clock';
import { optionalExpectedVersion } from '../command-handling/http-edges';
import { centreStream } from '../command-handling/streams';
import { WelfareCommands } from '../command-handling/welfare-commands';
import { CentreRegister, type CentreListing } from '../reading/centre-register';
import { Allow, Caller, actorOf } from '@khu-siao/service-runtime';
import type { Principal } from '@khu-siao/security';
import { CentreQueryParams, CloseCentreBody, RegisterCentreBody, RelocateCentreBody } from './centre-bodies';
import { CentreInPath, KhonKaen, RequestedCentreArea } from './welfare-areas';

@ApiTags('centres')
@ApiBearerAuth()
@Controller('centres')
export class CentresController {
  constructor(
    private readonly commands: WelfareCommands,
    private readonly register: CentreRegister,
  ) {}

  @Post()
  @Allow('budgets.manage', RequestedCentreArea)
  @ApiOperation({ summary: 'Register a tambon social-assistance centre or a Community Family Development Centre, in its tambon' })
  @ApiCreatedResponse({ description: 'registered; ETag is its version' })
  @ApiBadRequestResponse({ description: "each field at fault, such as an area outside Khon Kaen's 26 districts" })
  @ApiConflictResponse({ description: 'the centre is already registered' })
  async registerCentre(
    @Body() body: RegisterCentreBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const actor = actorOf(caller);
    const { provinceCode, districtCode, tambonCode } = body.area;
    const command: CentreCommand = {
      type: 'RegisterCentre',
      centreId: body.centreId,
      name: body.name,
      kind: body.kind,
      area: { provinceCode, districtCode, tambonCode },
      registeredBy: actor.id,
      registeredAt: bangkokNow(),
    };
    const version = await this.change(body.centreId, command, caller);
    response.setHeader('ETag', `"${version}"`);
    response.setHeader('Location', `/centres/${body.centreId}`);
    return { centreId: body.centreId, version };
  }

  @Get()
  @Allow('budgets.read', KhonKaen)
  @ApiOperation({ summary: 'The centres on the register, by district (and tambon), in centre id order' })
  @ApiBadRequestResponse({ description: 'a district or tambon code that is malformed, or a district not in Khon Kaen' })
  async centres(@Query() query: CentreQueryParams) {
    if (query.districtCode !== undefined && !isKhonKaenDistrict(query.districtCode)) {
      throw new InvalidCommandError([{ field: 'districtCode', message: `is not a district of province ${khonKaenProvinceCode}` }]);
    }
    const items = (await this.register.list(query)).map(listed);
    return { total: items.length, items };
  }

  @Get(':centreId')
  @Allow('budgets.read', CentreInPath)
  @ApiOperation({ summary: 'A centre: name, kind, status and area' })
  @ApiOkResponse({ description: 'the centre; ETag is its version' })
  @ApiNotFoundResponse({ description: 'no such centre on the register' })
  async centre(@Param('centreId') centreId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.register.centre(centreId);
    if (state.status === 'unregistered') throw new NotFoundError('centre', centreId);
    response.setHeader('ETag', `"${version}"`);
    return { ...state, version };
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
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { provinceCode, districtCode, tambonCode } = body.area;
    const command: CentreCommand = {
      type: 'RelocateCentre',
      centreId,
      area: { provinceCode, districtCode, tambonCode },
      reason: body.reason,
      relocatedBy: actorOf(caller).id,
      relocatedAt: bangkokNow(),
    };
    const version = await this.change(centreId, command, caller, optionalExpectedVersion(ifMatch));
    response.setHeader('ETag', `"${version}"`);
    return { centreId, version };
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
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command: CentreCommand = { type: 'CloseCentre', centreId, reason: body.reason, closedBy: actorOf(caller).id, closedAt: bangkokNow() };
    const version = await this.change(centreId, command, caller, optionalExpectedVersion(ifMatch));
    response.setHeader('ETag', `"${version}"`);
    return { centreId, version };
  }

  /** Decides on the centre's stream, then brings its listing up to the version appended. */
  private async change(centreId: string, command: CentreCommand, caller: Principal, expectedVersion?: number): Promise<number> {
    const change = await this.commands.decide<CentreState>(centreStream(centreId), centreDecider, [command], actorOf(caller), {
      expectedVersion,
      retries: expectedVersion === undefined ? 3 : 0,
    });
    await this.register.note(change.state, change.version);
    return change.version;
  }
}

function listed({ _id, name, kind, status, area, version }: CentreListing) {
  return { centreId: _id, name, kind, status, area, version };
}
