import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CommandContext } from '@khu-siao/service-runtime';
import { AssessBody, OverrideBody } from './assessment-body';
import { CloseCaseBody, GraduateBody } from './case-body';
import { AccessLoad, HouseholdArea } from './household-area';
import { changeAsLastRead, type HouseholdChange } from './household-change';
import type { LoadedHousehold } from './household.handler';
import { LifePlanBody, ProgressBody } from './life-plan-body';

/** The household's case after pinpointing: assessments, the life compass, its progress, and how the case ends. */
@ApiTags('case file')
@ApiHeader({ name: 'if-match', required: true, description: 'the household version last read' })
@Controller('households/:householdId')
export class CaseFileController {
  constructor(private readonly bus: CommandBus) {}

  @Post('assessments')
  @Allow('households.assess', HouseholdArea)
  @HttpCode(200)
  @ApiOperation({ summary: 'Assess the household in the 5 TPMAP dimensions (HouseholdAssessed)' })
  assess(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() body: AssessBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @AccessLoad() loaded: Promise<LoadedHousehold> | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    return changeAsLastRead(this.bus, { householdId, ifMatch, context, loaded, response }, { type: 'AssessHousehold', ...body });
  }

  @Post('classification-overrides')
  @Allow('households.overrideClassification', HouseholdArea)
  @HttpCode(200)
  @ApiOperation({ summary: "Override the derived classification, with the official's reason" })
  override(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() body: OverrideBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @AccessLoad() loaded: Promise<LoadedHousehold> | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    return changeAsLastRead(this.bus, { householdId, ifMatch, context, loaded, response }, { type: 'OverrideClassification', ...body });
  }

  @Put('life-plan')
  @Allow('households.planLife', HouseholdArea)
  @ApiOperation({ summary: 'Draw up (or redraw) the life compass: goals per dimension and their actions' })
  drawUpPlan(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() body: LifePlanBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @AccessLoad() loaded: Promise<LoadedHousehold> | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    return changeAsLastRead(this.bus, { householdId, ifMatch, context, loaded, response }, { type: 'DrawUpLifePlan', ...body });
  }

  @Post('life-plan/actions/:actionId/progress')
  @Allow('households.planLife', HouseholdArea)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the progress of one action of the life compass' })
  progress(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Param('actionId') actionId: string,
    @Body() body: ProgressBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @AccessLoad() loaded: Promise<LoadedHousehold> | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    return changeAsLastRead(this.bus, { householdId, ifMatch, context, loaded, response }, { type: 'RecordActionProgress', actionId, ...body });
  }

  @Post('graduation')
  @Allow('households.graduate', HouseholdArea)
  @HttpCode(200)
  @ApiOperation({ summary: 'Graduate the household: no failed dimension and every plan action done' })
  graduate(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() body: GraduateBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @AccessLoad() loaded: Promise<LoadedHousehold> | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    return changeAsLastRead(this.bus, { householdId, ifMatch, context, loaded, response }, { type: 'GraduateHousehold', ...body });
  }

  @Post('closure')
  @Allow('households.close', HouseholdArea)
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the case for another reason (moved away, died, refused, other)' })
  close(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() body: CloseCaseBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @AccessLoad() loaded: Promise<LoadedHousehold> | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    return changeAsLastRead(this.bus, { householdId, ifMatch, context, loaded, response }, { type: 'CloseCase', ...body });
  }
}
