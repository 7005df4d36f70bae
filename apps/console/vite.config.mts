import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// The console is built into dist/console and served by the platform at `/` (assets under /assets/).
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(here, '../../dist/console'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
  },
  server: { proxy: Object.fromEntries(['/auth', '/people', '/referrals', '/services', '/directory', '/partners', '/consortium', '/insights', '/contracts', '/group-attendance', '/participants', '/live', '/health', '/openreferral'].map((p) => [p, 'http://localhost:3000'])) },
});
