import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** In dev mode without AUTH_SECRET, a random secret is kept in the data directory so tokens survive restarts. */
export function devAuthSecret(dataDir: string): string {
  const file = join(dataDir, 'dev-auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
