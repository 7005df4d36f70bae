import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { OnedoorConfig, PlatformModule } from '@onedoor/platform';

/** One operation of an OpenAPI document: `GET /referrals/{referralId}`, and whether it wants a bearer token. */
export interface Operation {
  route: string;
  access: 'staff' | 'public';
}

/** The operations an OpenAPI document lists. */
export function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { security?: unknown[] }>).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, access: op.security?.length ? ('staff' as const) : ('public' as const) })),
  );
}

/**
 * A service's module on the platform, built (not started) only to read the OpenAPI document its controllers make:
 * the route-table tests compare these with the gateway's table.
 */
export async function buildApp(config: OnedoorConfig, appModule: Type<unknown> | DynamicModule, withPlatform = true): Promise<NestFastifyApplication> {
  @Module({ imports: withPlatform ? [PlatformModule.forRoot(config), appModule] : [appModule] })
  class Built {}
  return NestFactory.create<NestFastifyApplication>(Built, new FastifyAdapter(), { logger: ['error'] });
}

export const documentOf = (app: NestFastifyApplication) => SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
