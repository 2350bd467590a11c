import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// The renderer timing benchmark (`npm run bench` runs it when dist/renderer and a Chromium exist).
// Same browser and settings as playwright.config.ts; only the tests differ.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: './bench',
  // Relative to this file's folder: tests/harness/tsconfig.json, without the root tsconfig's type-only path mapping.
  tsconfig: './tsconfig.json',
  testMatch: '*.bench.ts',
  outputDir: '../.artifacts/bench-results',
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    viewport: { width: 1366, height: 768 },
    trace: 'off',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
