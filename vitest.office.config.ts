import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/** Tests that open our Excel and Word files in LibreOffice (headless) to check what Office would show. */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['packages/*/src/**/*.office.test.ts', 'tests/**/*.office.test.ts'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      testTimeout: 120_000,
    },
  }),
);
