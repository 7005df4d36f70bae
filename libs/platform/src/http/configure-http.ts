import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { EventStore } from '@onedoor/event-store';
import { installRequestLogging } from '../logging/request-logging';
import { EVENT_STORE } from '../storage/tokens';
import { installBodySanity } from './body-sanity-hooks';
import { DomainErrorFilter } from './domain-error.filter';
import { IdempotencyStore } from './idempotency-store';
import { installIdempotency } from './idempotency-hooks';
import { createValidationPipe } from './validation.pipe';

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
