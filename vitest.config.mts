import { defineConfig } from 'vitest/config';

export default defineConfig({
  // tsconfig keeps JSX for Docusaurus (jsx: preserve); tests of the site's components need it compiled.
  oxc: { jsx: { runtime: 'automatic' } },
  // Docusaurus's client modules exist only inside its webpack build; components tested alone get the client's no-op.
  resolve: { alias: { '@docusaurus/useBrokenLinks': new URL('./test/support/use-broken-links.ts', import.meta.url).pathname } },
  test: {
    include: ['src/**/*.test.ts', 'checks/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/support/no-egress.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
