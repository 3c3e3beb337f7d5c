import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import { Allow, Clock, CommandContext, expectedVersionOf, withETag, type CommandOutcome } from '@khu-siao/service-runtime';
import { budgetIdFor, centreFactsOf, programmeFactsOf, type BudgetState } from '@khu-siao/welfare-payments-domain';
import { CentreHandler } from '../centre/centre.handler';
import { PayingCentreInBody } from '../centre/centre-area';
import { ProgrammeHandler } from '../programme/programme.handler';
import { Budgets } from '../read-models/budgets/budgets.query';
import { BudgetCentre } from './budget-area';
import { AllocateBudgetBody, BudgetMovementBody } from './budget-body';
import { HandleBudget } from './budget.handler';

@ApiTags('programmes and budgets')
@ApiBearerAuth()
@Controller('budgets')
export class BudgetController {
  constructor(
    private readonly bus: CommandBus,
    private readonly budgets: Budgets,
    private readonly centres: CentreHandler,
    private readonly programmes: ProgrammeHandler,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('budgets.manage', PayingCentreInBody)
  @ApiOperation({ summary: "Allocate a centre's budget for a programme in a fiscal year" })
  @ApiCreatedResponse({ description: 'allocated; the budget id is centre:FYyyyy:programme' })
  @ApiNotFoundResponse({ description: 'a centre not on the register, or an unknown programme' })
  @ApiConflictResponse({ description: 'already allocated (top it up instead), or the centre or the programme is closed' })
  async allocate(@Body() body: AllocateBudgetBody, @CommandContext('optional') context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const { centreId, centreKind, fiscalYear, programmeId, amount } = body;
    const budgetId = budgetIdFor(body);
    // The centre's and the programme's facts as they stand: each one aggregate, read by id.
    const [centre, programme] = await Promise.all([this.centres.load(centreId), this.programmes.load(programmeId)]);
    const command = {
      type: 'AllocateBudget',
      centreId,
      centre: centreFactsOf(centre.state),
      ...(centreKind === undefined ? {} : { centreKind }),
      fiscalYear,
      programmeId,
      programme: programmeFactsOf(programme.state),
      amount,
      allocatedBy: context.actor.id,
      allocatedAt: this.clock.now(),
    } as const;
    const outcome = await this.bus.execute<HandleBudget, CommandOutcome<BudgetState>>(new HandleBudget(budgetId, command, context));
    response.setHeader('Location', `/budgets/${budgetId}`);
    return withETag(response, { budgetId, version: outcome.version });
  }

  @Post(':budgetId/top-ups')
  @Allow('budgets.manage', BudgetCentre)
  @HttpCode(200)
  @ApiOperation({ summary: 'Top up a budget' })
  @ApiHeader({ name: 'if-match', required: false, description: 'the budget version last read' })
  @ApiOkResponse({ description: 'topped up; ETag is the new version' })
  topUp(
    @Param('budgetId') budgetId: string,
    @Body() body: BudgetMovementBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.move('TopUpBudget', budgetId, body, ifMatch, context, response);
  }

  @Post(':budgetId/withdrawals')
  @Allow('budgets.manage', BudgetCentre)
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw unreserved funds from a budget' })
  @ApiHeader({ name: 'if-match', required: false, description: 'the budget version last read' })
  @ApiConflictResponse({ description: 'the budget has less left than the withdrawal' })
  withdraw(
    @Param('budgetId') budgetId: string,
    @Body() body: BudgetMovementBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.move('WithdrawFromBudget', budgetId, body, ifMatch, context, response);
  }

  @Get(':budgetId')
  @Allow('budgets.read', BudgetCentre)
  @ApiOperation({ summary: 'A budget: funded, reserved by grants, available' })
  @ApiNotFoundResponse({ description: 'no such budget' })
  async budget(@Param('budgetId') budgetId: string, @Res({ passthrough: true }) response: Response) {
    const budget = await this.budgets.budget(budgetId);
    if (!budget) throw new NotFoundError('budget', budgetId);
    return withETag(response, budget);
  }

  private async move(
    type: 'TopUpBudget' | 'WithdrawFromBudget',
    budgetId: string,
    body: BudgetMovementBody,
    ifMatch: string | undefined,
    context: CommandContext,
    response: Response,
  ) {
    const command = { type, budgetId, amount: body.amount, reason: body.reason, by: context.actor.id, at: this.clock.now() };
    const expected = expectedVersionOf(ifMatch, 'optional', 'budget');
    const outcome = await this.bus.execute<HandleBudget, CommandOutcome<BudgetState>>(new HandleBudget(budgetId, command, context, expected));
    return withETag(response, { budgetId, version: outcome.version });
  }
}
