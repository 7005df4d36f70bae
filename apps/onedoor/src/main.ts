import { Logger } from '@nestjs/common';
import { ConfigurationError, loadConfig } from '@onedoor/platform';
import { createOnedoorApp } from './create-app';
import { seedDemoConsortium } from './demo/seed-demo-consortium';

async function main() {
  const config = loadConfig();
  const app = await createOnedoorApp(config);
  if (config.SEED_DEMO) await seedDemoConsortium(app);
  await app.listen(config.PORT, config.HOST);
  new Logger('onedoor').log({ msg: 'OneDoor is listening', url: `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`, docs: '/docs', dataDir: config.DATA_DIR });
}

main().catch((error) => {
  // A configuration problem is the operator's to fix: say what, without a stack trace.
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
