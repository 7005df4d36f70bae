import { bootAlone } from '@onedoor/platform';
import { ReferralsModule } from './referrals.module';

/** The referrals service booted alone, on the platform's embedded store. */
bootAlone(() => ReferralsModule);
