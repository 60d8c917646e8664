import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
// `npm run test:e2e`: the browser tests only (they also run in `npm test` when /usr/bin/chromium is installed)
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120000,
    hookTimeout: 120000,
    pool: 'forks',
  },
});
