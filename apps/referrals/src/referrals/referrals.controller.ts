import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { CurrentActor, IfMatch, NoBodyFieldsPipe, etagOf } from '@onedoor/platform';
import type { FastifyReply } from 'fastify';
import { ReasonBodyDto } from '../shared/reason.dto';
import { newId } from '@onedoor/platform';
import { CompleteReferralDto, CreateReferralDto, HandOffReferralDto, RecordInteractionDto, RouteReferralDto } from './referral.dto';
import { ActOnReferralCommand, CreateReferralCommand, ReferralAction } from './referral.commands';
import { GetReferralHistoryQuery, GetReferralQuery } from './referral.queries';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly commandBus: CommandBus, private readonly queryBus: QueryBus) {}

  @Post()
  @ApiOperation({ summary: 'Create a referral for a person; with serviceId it is routed at once' })
  async create(@Body() dto: CreateReferralDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const referralId = dto.referralId ?? newId();
    const routing = dto.serviceId ? { serviceId: dto.serviceId, respondBy: dto.respondBy } : undefined;
    await this.commandBus.execute(new CreateReferralCommand(referralId, dto.personId, dto.needs, dto.urgency ?? 'routine', dto.summary, routing, actor));
    reply.header('location', `/referrals/${referralId}`);
    return this.present(referralId, actor, reply);
  }

  @Get(':referralId')
  @ApiOperation({ summary: 'A referral as your partner may see it; the ETag is its version for If-Match' })
  get(@Param('referralId') referralId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.present(referralId, actor, reply);
  }

  @Get(':referralId/history')
  @ApiOperation({ summary: 'Who did what, when: every event of the referral, without personal data' })
  history(@Param('referralId') referralId: string, @CurrentActor() actor: Actor) {
    return this.queryBus.execute(new GetReferralHistoryQuery(referralId, actor));
  }

  @Post(':referralId/route') @HttpCode(200) @ApiOperation({ summary: 'Route a draft, or re-route a rejected referral, to a partner service' })
  route(@Param('referralId') id: string, @Body() dto: RouteReferralDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'RouteReferral', serviceId: dto.serviceId, respondBy: dto.respondBy }, a, v, r);
  }

  @Post(':referralId/accept') @HttpCode(200) @ApiOperation({ summary: 'The receiving partner accepts' })
  accept(@Param('referralId') id: string, @Body(new NoBodyFieldsPipe()) _none: unknown, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'AcceptReferral' }, a, v, r);
  }

  @Post(':referralId/reject') @HttpCode(200) @ApiOperation({ summary: 'The receiving partner rejects, with a reason' })
  reject(@Param('referralId') id: string, @Body() dto: ReasonBodyDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'RejectReferral', reason: dto.reason }, a, v, r);
  }

  @Post(':referralId/start') @HttpCode(200) @ApiOperation({ summary: 'Work starts on an accepted referral' })
  start(@Param('referralId') id: string, @Body(new NoBodyFieldsPipe()) _none: unknown, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'StartReferral' }, a, v, r);
  }

  @Post(':referralId/hold') @HttpCode(200) @ApiOperation({ summary: 'Put accepted or in-progress work on hold, with a reason' })
  hold(@Param('referralId') id: string, @Body() dto: ReasonBodyDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'PutReferralOnHold', reason: dto.reason }, a, v, r);
  }

  @Post(':referralId/resume') @HttpCode(200) @ApiOperation({ summary: 'Resume on-hold work' })
  resume(@Param('referralId') id: string, @Body(new NoBodyFieldsPipe()) _none: unknown, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'ResumeReferral' }, a, v, r);
  }

  @Post(':referralId/complete') @HttpCode(200) @ApiOperation({ summary: 'Complete, with an outcome' })
  complete(@Param('referralId') id: string, @Body() dto: CompleteReferralDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'CompleteReferral', outcome: dto.outcome }, a, v, r);
  }

  @Post(':referralId/fail') @HttpCode(200) @ApiOperation({ summary: 'Close as failed, with a reason' })
  fail(@Param('referralId') id: string, @Body() dto: ReasonBodyDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'FailReferral', reason: dto.reason }, a, v, r);
  }

  @Post(':referralId/cancel') @HttpCode(200) @ApiOperation({ summary: 'Cancel, with a reason' })
  cancel(@Param('referralId') id: string, @Body() dto: ReasonBodyDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'CancelReferral', reason: dto.reason }, a, v, r);
  }

  @Post(':referralId/entered-in-error') @HttpCode(200) @ApiOperation({ summary: 'Mark as entered in error, with a reason' })
  markEnteredInError(@Param('referralId') id: string, @Body() dto: ReasonBodyDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'MarkReferralEnteredInError', reason: dto.reason }, a, v, r);
  }

  @Post(':referralId/handoff') @HttpCode(200) @ApiOperation({ summary: "Hand accepted work to another partner's service, with a reason" })
  handOff(@Param('referralId') id: string, @Body() dto: HandOffReferralDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'HandOffReferral', serviceId: dto.serviceId, reason: dto.reason }, a, v, r);
  }

  @Post(':referralId/interactions') @ApiOperation({ summary: 'Record a piece of support (light-touch kinds need only kind and date)' })
  recordInteraction(@Param('referralId') id: string, @Body() dto: RecordInteractionDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.act(id, { type: 'RecordInteraction', interactionId: dto.interactionId ?? newId(), kind: dto.kind, occurredOn: dto.occurredOn, notes: dto.notes }, a, v, r);
  }

  private async act(referralId: string, action: ReferralAction, actor: Actor, expectedVersion: number | undefined, reply: FastifyReply) {
    await this.commandBus.execute(new ActOnReferralCommand(referralId, action, actor, expectedVersion));
    return this.present(referralId, actor, reply);
  }

  private async present(referralId: string, actor: Actor, reply: FastifyReply) {
    const view = await this.queryBus.execute(new GetReferralQuery(referralId, actor));
    reply.header('etag', etagOf(view.version));
    return view;
  }
}
