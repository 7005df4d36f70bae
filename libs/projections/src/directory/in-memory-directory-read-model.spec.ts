import { directoryReadModelContract } from './directory-read-model.contract';
import { InMemoryDirectoryReadModel } from './in-memory-directory-read-model';

directoryReadModelContract('in-process', async () => ({ readModel: new InMemoryDirectoryReadModel(), dispose: async () => undefined }));
