// The renderer timing benchmark (`npm run bench` runs it when dist/renderer and a Chromium exist):
// the harness's own browser and settings, other tests and longer limits.
import { defineConfig } from '@playwright/test';
import harness from './playwright.config.ts';

export default defineConfig({
  ...harness,
  testDir: './bench',
  testMatch: '*.bench.ts',
  outputDir: '../.artifacts/bench-results',
  timeout: 180_000,
  expect: { timeout: 15_000 },
});
