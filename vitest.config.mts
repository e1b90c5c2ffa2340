import { defineConfig } from 'vitest/config';

export default defineConfig({
  // tsconfig keeps JSX for Docusaurus (jsx: preserve); tests of the site's components need it compiled.
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/*.test.ts', 'checks/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/support/no-egress.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
