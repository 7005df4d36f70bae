import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { EventStore } from '@onedoor/event-store';
import { installRequestLogging } from '../logging/request-logging';
import { EVENT_STORE } from '../storage/tokens';
import { installBodySanity } from './body-sanity-hooks';
import { DomainErrorFilter } from './domain-error.filter';
import { IdempotencyStore } from './idempotency-store';
import { installIdempotency } from './idempotency-hooks';
import { createValidationPipe } from './validation.pipe';

/**
 * The HTTP server every process runs. Bodies up to 1 MB. JSON keys named __proto__ or constructor are kept as
 * ordinary keys (JSON.parse never touches a prototype) so that the body check refuses them as a 400 naming the
 * field; fastify's own refusal says only that the body is not valid JSON. No route sees such a body.
 */
export const createHttpAdapter = () => new FastifyAdapter({ bodyLimit: 1_048_576, onProtoPoisoning: 'ignore', onConstructorPoisoning: 'ignore' });

/** Everything HTTP-wide, shared by the real process and the supertest suites so both behave the same. */
export function configureHttp(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  installRequestLogging(fastify);
  installBodySanity(fastify);
  installIdempotency(fastify, app.get(IdempotencyStore), app.get<EventStore>(EVENT_STORE));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('OneDoor')
      .setDescription('Referrals, consent and support across a consortium: speak to one of us and you can access all of us.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
