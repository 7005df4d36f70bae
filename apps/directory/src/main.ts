import { bootAlone } from '@onedoor/platform';
import { DirectoryModule } from './directory.module';

/** The directory service booted alone, on the platform's embedded store. */
bootAlone(() => DirectoryModule);
