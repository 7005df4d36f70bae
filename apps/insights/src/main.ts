import { bootAlone } from '@onedoor/platform';
import { InsightsModule } from './insights.module';

/** The insights service booted alone, on the platform's embedded store. */
bootAlone(() => InsightsModule);
