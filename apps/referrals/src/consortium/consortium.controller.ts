import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { AllowedBeforeMembership, CurrentActor } from '@onedoor/platform';
import { ConsortiumRoster } from '@onedoor/projections';
import { AdmitPartnerCommand, FormConsortiumCommand, RemovePartnerCommand } from './consortium.commands';
import { AdmitPartnerDto, FormConsortiumDto, RemovePartnerDto } from './consortium.dto';
import { GetConsortiumQuery } from './consortium.queries';

@ApiTags('consortium')
@ApiBearerAuth()
@Controller('consortium')
export class ConsortiumController {
  constructor(private readonly commandBus: CommandBus, private readonly queryBus: QueryBus, private readonly roster: ConsortiumRoster) {}

  @Post()
  @AllowedBeforeMembership()
  @ApiOperation({ summary: 'Form the consortium (once, before it has members)' })
  async form(@Body() dto: FormConsortiumDto, @CurrentActor() actor: Actor) {
    await this.commandBus.execute(new FormConsortiumCommand(dto.name, dto.structure, actor));
    return this.queryBus.execute(new GetConsortiumQuery());
  }

  @Get()
  @ApiOperation({ summary: 'The consortium and its partners' })
  get() {
    return this.queryBus.execute(new GetConsortiumQuery());
  }

  @Post('partners')
  @AllowedBeforeMembership()
  @ApiOperation({ summary: 'Admit a partner (the managing partner does this; the first member founds it)' })
  async admit(@Body() dto: AdmitPartnerDto, @CurrentActor() actor: Actor) {
    await this.commandBus.execute(new AdmitPartnerCommand(dto.partnerId, dto.name, dto.role, actor));
    return this.roster.partner(dto.partnerId);
  }

  @Post('partners/:partnerId/leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'A partner leaves; open referrals need a successor, who receives them' })
  async leave(@Param('partnerId') partnerId: string, @Body() dto: RemovePartnerDto, @CurrentActor() actor: Actor) {
    await this.commandBus.execute(new RemovePartnerCommand(partnerId, dto.successorPartnerId, actor));
    return this.roster.partner(partnerId);
  }
}
