import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import { requireProjectModule } from './src/site/project-require';

// The project root: check links, check modules and `.runbook/results/latest.json` are resolved from here.
const root = __dirname;

// The plugin, the parser and the check modules load as in the CLI (ts-node), not through Docusaurus's jiti.
const { default: remarkRunbookChecks } = requireProjectModule<typeof import('./src/site/remark-runbook-checks')>(root, 'src/site/remark-runbook-checks.ts');
const { runbookInputsFingerprint } = requireProjectModule<typeof import('./src/site/inputs-fingerprint')>(root, 'src/site/inputs-fingerprint.ts');

/** The runbook site: the docs of `docs/` served at `/`, every check link shown as its step's badge. */
const config: Config = {
  title: 'Amazon Review Analytics Runbook',
  tagline: 'The operational runbook, with a check behind every step',
  url: 'http://localhost',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  trailingSlash: false,
  markdown: {
    // `.md` is CommonMark (the runbook is plain Markdown), `.mdx` is MDX.
    format: 'detect',
    hooks: { onBrokenMarkdownLinks: 'throw' },
  },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      {
        docs: {
          path: 'docs',
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          // Before the defaults: Docusaurus would otherwise try to resolve `../checks/…ts` as a page.
          beforeDefaultRemarkPlugins: [[remarkRunbookChecks, { root, inputs: runbookInputsFingerprint(root) }]],
        },
        blog: false,
        pages: false,
        theme: { customCss: './src/site/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    navbar: { title: 'Runbook', items: [] },
    colorMode: { respectPrefersColorScheme: true },
    docs: { sidebar: { hideable: true } },
    prism: {},
  } satisfies Preset.ThemeConfig,
};

export default config;
