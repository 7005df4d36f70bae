import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiTypesFromPlatform } from '../apps/console/scripts/api-types';

jest.setTimeout(60_000);

/** The console's typed client is generated from /docs-json: it must not fall behind the API it calls. */
describe("the console's API types", () => {
  it('match what the platform serves at /docs-json (run `npm run console:client` after an API change)', async () => {
    const committed = readFileSync(join(__dirname, '..', 'apps', 'console', 'src', 'api', 'schema.d.ts'), 'utf8');
    expect(await apiTypesFromPlatform()).toBe(committed);
  });
});
