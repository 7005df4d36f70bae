import { DynamicModule, Module } from '@nestjs/common';
import { PUBLICATION_ROUTER_FACTORY } from '@onedoor/messaging';
import { RelayTestRouter } from './relay-test-router';

/** Provides the stand-in router to the relay module in place of the partner-stream router (MessagingModule). */
@Module({})
export class RelayTestRouterModule {
  static forRoot(topic: string, headers: Record<string, string> = {}): DynamicModule {
    return {
      module: RelayTestRouterModule,
      global: true,
      providers: [{ provide: PUBLICATION_ROUTER_FACTORY, useValue: () => new RelayTestRouter(topic, headers) }],
      exports: [PUBLICATION_ROUTER_FACTORY],
    };
  }
}
