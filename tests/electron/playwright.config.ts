import { defineConfig } from '@playwright/test';

// Shell tests need a real Electron binary; `npm test` never runs them.
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  outputDir: '../.artifacts/electron',
  timeout: 60_000,
  workers: 1,
  fullyParallel: false,
  reporter: 'list',
});
