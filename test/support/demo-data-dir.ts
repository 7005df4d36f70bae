import { rmSync } from 'node:fs';
import { startTestApp } from './onedoor-test-app';

/**
 * Registers hooks for a data directory the platform seeded with the demo consortium and then closed, so tools
 * (the analyst CLI) read it as they would a stopped deployment's; removed after the suite. Returns its path getter.
 */
export function seededDemoDataDir(): () => string {
  let dataDir = '';
  beforeAll(async () => {
    const t = await startTestApp({ seedDemo: true });
    dataDir = t.dataDir;
    await t.close({ keepData: true });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  return () => dataDir;
}
