import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { isOpenReferralPath } from './open-referral';

/**
 * The Open Referral API is open data: any web page may read it (CORS `*`), including its errors and
 * preflights. Only that prefix: the staff API stays closed to other origins.
 */
@Injectable()
export class OpenReferralCors implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request, reply) => {
      if (!isOpenReferralPath(request.url)) return;
      reply.header('access-control-allow-origin', '*');
      if (request.method !== 'OPTIONS') return;
      return reply
        .code(204)
        .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
        .header('access-control-allow-headers', request.headers['access-control-request-headers'] ?? 'accept')
        .header('access-control-max-age', '86400')
        .send();
    });
  }
}
