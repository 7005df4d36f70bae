/**
 * Writes the console's API types (src/api/schema.d.ts) from the platform's own OpenAPI document, so the
 * console's calls are checked against the API at type-check time. `npm run console:client` after an API change;
 * a test fails while the committed file is behind the API.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiTypesFromPlatform } from './api-types';

apiTypesFromPlatform()
  .then((text) => {
    const target = join(__dirname, '..', 'src', 'api', 'schema.d.ts');
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
