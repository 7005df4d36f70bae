import { DynamicModule, Module } from '@nestjs/common';
import { OnedoorConfig, PlatformModule } from '@onedoor/platform';
import { DirectoryModule } from '../../directory/src/directory.module';
import { GatewayModule } from '../../gateway/src/gateway.module';
import { InsightsModule } from '../../insights/src/insights.module';
import { ReferralsModule } from '../../referrals/src/referrals.module';
import { RelayServiceModule } from '../../relay/src/relay-service.module';

/** The all-in-one process: every app's module over the embedded SQLite store. */
@Module({})
export class OnedoorModule {
  static forRoot(config: OnedoorConfig): DynamicModule {
    return {
      module: OnedoorModule,
      imports: [
        PlatformModule.forRoot(config),
        ReferralsModule,
        GatewayModule.forRoot({ devTokens: config.AUTH_MODE === 'dev' }),
        DirectoryModule,
        InsightsModule,
        RelayServiceModule.forRoot(config),
      ],
    };
  }
}
