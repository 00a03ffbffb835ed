import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * Tests that open our Excel and Word files in LibreOffice (headless) to check what Office would show.
 * Spread rather than mergeConfig: mergeConfig concatenates arrays, which would keep the base
 * config's exclusion of every *.office.test.ts.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['packages/*/src/**/*.office.test.ts', 'tests/**/*.office.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 120_000,
  },
});
