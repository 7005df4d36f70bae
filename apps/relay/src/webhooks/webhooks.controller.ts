import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { CurrentActor, NoBodyFieldsPipe } from '@onedoor/platform';
import { badParameter } from '@onedoor/platform';
import { PartnerWebhooks } from './partner-webhooks';
import { RegisterWebhookDto } from './webhook.dto';

const deadLetterIdOf = (value: string) => {
  if (!/^[1-9]\d{0,15}$/.test(value)) throw badParameter('deadLetterId', 'deadLetterId must be a whole number, 1 or more');
  return Number(value);
};

@ApiTags('partner streams')
@ApiBearerAuth()
@Controller('partners/:partnerId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: PartnerWebhooks) {}

  @Post()
  @ApiOperation({ summary: 'Register a webhook: every message of your feed from now on is POSTed to it, signed with X-OneDoor-Signature' })
  register(@Param('partnerId') partnerId: string, @Body() dto: RegisterWebhookDto, @CurrentActor() actor: Actor) {
    return this.webhooks.register(partnerId, dto, actor);
  }

  @Get()
  @ApiOperation({ summary: "A partner's webhooks and their delivery state (never the secret)" })
  list(@Param('partnerId') partnerId: string, @CurrentActor() actor: Actor) {
    return this.webhooks.list(partnerId, actor);
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Messages that failed every attempt' })
  deadLetters(@Param('partnerId') partnerId: string, @CurrentActor() actor: Actor) {
    return this.webhooks.deadLetters(partnerId, actor);
  }

  @Post('dead-letters/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Deliver every dead letter again' })
  replayAll(@Param('partnerId') partnerId: string, @Body(new NoBodyFieldsPipe()) _none: unknown, @CurrentActor() actor: Actor) {
    return this.webhooks.replay(partnerId, actor);
  }

  @Post('dead-letters/:deadLetterId/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Deliver one dead letter again' })
  replayOne(@Param('partnerId') partnerId: string, @Param('deadLetterId') deadLetterId: string, @Body(new NoBodyFieldsPipe()) _none: unknown, @CurrentActor() actor: Actor) {
    return this.webhooks.replay(partnerId, actor, deadLetterIdOf(deadLetterId));
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook (its dead letters go with it)' })
  remove(@Param('partnerId') partnerId: string, @Param('webhookId') webhookId: string, @Body(new NoBodyFieldsPipe()) _none: unknown, @CurrentActor() actor: Actor): Promise<void> {
    return this.webhooks.remove(partnerId, webhookId, actor);
  }
}
