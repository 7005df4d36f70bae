import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { OPEN_REFERRAL_ABOUT, OPEN_REFERRAL_PREFIX } from './open-referral';

/**
 * HSDS clients are told the API root is `/`, so `GET /openreferral/` must answer as `GET /openreferral`
 * does; the router tells the two apart and Nest cannot declare a trailing slash.
 */
@Injectable()
export class OpenReferralRootWithTrailingSlash implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get(`/${OPEN_REFERRAL_PREFIX}/`, async () => ({ ...OPEN_REFERRAL_ABOUT }));
  }
}
