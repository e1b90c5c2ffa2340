import { configDefaults, defineConfig } from 'vitest/config';

/** The tests that read the built site: they share one build, made by the site project's global setup. */
const siteTests = ['test/site-*.test.ts'];

export default defineConfig({
  // tsconfig keeps JSX for Docusaurus (jsx: preserve); tests of the site's components need it compiled.
  oxc: { jsx: { runtime: 'automatic' } },
  // Docusaurus's client modules exist only inside its webpack build; components tested alone get the client's no-op.
  resolve: { alias: { '@docusaurus/useBrokenLinks': new URL('./test/support/use-broken-links.ts', import.meta.url).pathname } },
  test: {
    setupFiles: ['test/support/no-egress.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'checks/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...siteTests] } },
      { extends: true, test: { name: 'site', include: siteTests, globalSetup: ['test/support/site-build.global.ts'] } },
    ],
  },
});
