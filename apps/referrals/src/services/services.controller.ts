import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { CurrentActor, IfMatch, etagOf } from '@onedoor/platform';
import type { FastifyReply } from 'fastify';
import { newId } from '@onedoor/platform';
import { ChangeServiceCommand, ListServiceCommand, ServiceChange } from './service.commands';
import { GetServiceQuery, SearchServicesQuery } from './service.queries';
import { CapacityDto, ListServiceDto, ServiceQueryDto, UpdateServiceDto, WaitlistDto, WithdrawServiceDto } from './service.dto';

@ApiTags('services')
@ApiBearerAuth()
@Controller('services')
export class ServicesController {
  constructor(private readonly commandBus: CommandBus, private readonly queryBus: QueryBus) {}

  @Post()
  @ApiOperation({ summary: "List one of your partner's services in the shared directory" })
  async list(@Body() dto: ListServiceDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const { serviceId = newId(), capacity, ...description } = dto;
    await this.commandBus.execute(new ListServiceCommand(serviceId, description, capacity, actor));
    reply.header('location', `/services/${serviceId}`);
    return this.present(serviceId, reply);
  }

  @Get()
  @ApiOperation({ summary: "Every partner's services, filtered by partner, need, status or text" })
  search(@Query() query: ServiceQueryDto) {
    return this.queryBus.execute(new SearchServicesQuery({ partnerId: query.partnerId, need: query.need, status: query.status, text: query.text }));
  }

  @Get(':serviceId')
  get(@Param('serviceId') serviceId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.present(serviceId, reply);
  }

  @Patch(':serviceId')
  @ApiOperation({ summary: 'Update a service description' })
  update(@Param('serviceId') id: string, @Body() dto: UpdateServiceDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.change(id, { type: 'UpdateService', changes: dto }, a, v, r);
  }

  @Put(':serviceId/capacity')
  @ApiOperation({ summary: 'Set available and maximum capacity' })
  capacity(@Param('serviceId') id: string, @Body() dto: CapacityDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.change(id, { type: 'UpdateServiceCapacity', capacity: { available: dto.available, maximum: dto.maximum, unit: dto.unit } }, a, v, r);
  }

  @Put(':serviceId/waitlist')
  @ApiOperation({ summary: 'Open or close the waitlist: whether the service takes referrals while it has nothing available' })
  waitlist(@Param('serviceId') id: string, @Body() dto: WaitlistDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.change(id, { type: 'SetServiceWaitlist', status: dto.status }, a, v, r);
  }

  @Post(':serviceId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a service from the directory' })
  withdraw(@Param('serviceId') id: string, @Body() dto: WithdrawServiceDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.change(id, { type: 'WithdrawService', reason: dto.reason }, a, v, r);
  }

  private async change(serviceId: string, change: ServiceChange, actor: Actor, expectedVersion: number | undefined, reply: FastifyReply) {
    await this.commandBus.execute(new ChangeServiceCommand(serviceId, change, actor, expectedVersion));
    return this.present(serviceId, reply);
  }

  private async present(serviceId: string, reply: FastifyReply) {
    const service = await this.queryBus.execute(new GetServiceQuery(serviceId));
    reply.header('etag', etagOf(service.version));
    return service;
  }
}
