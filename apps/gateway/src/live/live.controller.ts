import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@onedoor/domain';
import { CurrentActor } from '@onedoor/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LiveFeed } from './live-feed';

/** Keeps proxies and the browser from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

@ApiTags('live')
@ApiBearerAuth()
@Controller('live')
export class LiveController {
  constructor(private readonly feed: LiveFeed) {}

  @Get()
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      'Server-sent events: a notice (kind, id, version; never personal details) whenever a referral, person or service your partner may see changes',
  })
  stream(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    raw.write(`retry: 2000\n: connected as ${actor.partnerId}\n\n`);
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const finish = () => {
      clearInterval(heartbeat);
      stop();
    };
    const stop = this.feed.listen({
      actor,
      send: (notice) => raw.write(`event: ${notice.kind}\nid: ${notice.position}\ndata: ${JSON.stringify(notice)}\n\n`),
      close: () => {
        finish();
        raw.end();
      },
    });
    request.raw.on('close', finish);
  }
}
