import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'db/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'tests/harness/**', 'tests/electron/**'],
    environment: 'node',
    // Vault tests run scrypt at 128 MiB and spawn crash children: keep them in separate forks.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
