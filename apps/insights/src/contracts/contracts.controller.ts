import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { CurrentActor } from '@onedoor/platform';
import type { FastifyReply } from 'fastify';
import { newId } from '@onedoor/platform';
import { ContractCommandMessage } from './contract.commands';
import { AdjustClaimDto, AgreeContractDto, AmendContractDto, ClawBackClaimDto, milestonesOf } from './contract.dto';
import { GetContractsQuery } from './contract.queries';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController {
  constructor(private readonly commandBus: CommandBus, private readonly queryBus: QueryBus) {}

  @Post()
  @ApiOperation({ summary: "Record the commissioner's contract: milestones as rules, payments, targets, the hub fee (hub only)" })
  async agree(@Body() dto: AgreeContractDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const { contractId = newId(), targets = [], milestones, ...rest } = dto;
    await this.commandBus.execute(new ContractCommandMessage(contractId, { type: 'AgreeContract', contractId, ...rest, milestones: milestonesOf(milestones), targets }, actor));
    reply.header('location', `/contracts/${contractId}`);
    return this.queryBus.execute(new GetContractsQuery(contractId));
  }

  @Get()
  @ApiOperation({ summary: 'Every contract with its terms over time' })
  list() {
    return this.queryBus.execute(new GetContractsQuery());
  }

  @Get(':contractId')
  get(@Param('contractId') contractId: string) {
    return this.queryBus.execute(new GetContractsQuery(contractId));
  }

  @Post(':contractId/amendments')
  @ApiOperation({ summary: 'Change rules, payments, targets or the hub fee from the first of a month (hub only)' })
  amend(@Param('contractId') contractId: string, @Body() dto: AmendContractDto, @CurrentActor() actor: Actor) {
    const { amendmentId = newId(), changes, ...rest } = dto;
    const { milestones, ...otherChanges } = changes;
    return this.act(contractId, { type: 'AmendContract', amendmentId, ...rest, changes: { ...otherChanges, ...(milestones ? { milestones: milestonesOf(milestones) } : {}) } }, actor);
  }

  @Post(':contractId/adjustments')
  @ApiOperation({ summary: "Adjust a partner's claim for a month, with a reason (hub only)" })
  adjust(@Param('contractId') contractId: string, @Body() dto: AdjustClaimDto, @CurrentActor() actor: Actor) {
    const { adjustmentId = newId(), ...rest } = dto;
    return this.act(contractId, { type: 'AdjustClaim', adjustmentId, ...rest }, actor);
  }

  @Post(':contractId/clawbacks')
  @ApiOperation({ summary: 'Claw back money claimed, with a reason (hub only)' })
  clawBack(@Param('contractId') contractId: string, @Body() dto: ClawBackClaimDto, @CurrentActor() actor: Actor) {
    const { clawbackId = newId(), ...rest } = dto;
    return this.act(contractId, { type: 'ClawBackClaim', clawbackId, ...rest }, actor);
  }

  private async act(contractId: string, command: ContractCommandMessage['command'], actor: Actor) {
    await this.commandBus.execute(new ContractCommandMessage(contractId, command, actor));
    return this.queryBus.execute(new GetContractsQuery(contractId));
  }
}
