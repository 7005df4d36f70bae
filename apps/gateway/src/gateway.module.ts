import { DynamicModule, Module } from '@nestjs/common';
import { AccessPolicy } from '@onedoor/platform';
import { DevTokenController, WhoAmIController } from './auth/dev-token.controller';
import { DiagnosticsController, HealthController } from './health/health.controller';
import { TimelineController } from './timeline/timeline.controller';
import { WorklistController } from './worklists/worklist.controller';
import { GetWorklistHandler } from './worklists/worklist.query';
import { GetPersonTimelineHandler } from './timeline/timeline.query';
import { SignInOptionsController } from './auth/sign-in-options.controller';
import { LiveController } from './live/live.controller';
import { LiveFeed } from './live/live-feed';

/** The contact-point side: tokens, worklists, timelines, health. Runs on PlatformModule. */
@Module({})
export class GatewayModule {
  static forRoot(options: { devTokens: boolean }): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [...(options.devTokens ? [DevTokenController] : []), WhoAmIController, SignInOptionsController, WorklistController, TimelineController, LiveController, HealthController, DiagnosticsController],
      providers: [AccessPolicy, GetWorklistHandler, GetPersonTimelineHandler, LiveFeed],
    };
  }
}
