import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import { requireProjectModule } from './src/site/project-require';

// The project root: check links, check modules, runbook.config.ts and the results store are resolved from here.
const root = __dirname;

// The plugin, the parser and the check modules load as in the CLI (ts-node), not through Docusaurus's jiti.
const load = <T>(file: string): T => requireProjectModule<T>(root, file);
const { default: remarkRunbookChecks } = load<typeof import('./src/site/remark-runbook-checks')>('src/site/remark-runbook-checks.ts');
const { runbookInputsFingerprint } = load<typeof import('./src/site/inputs-fingerprint')>('src/site/inputs-fingerprint.ts');
const { runbookSidebarItems } = load<typeof import('./src/site/sidebar-items')>('src/site/sidebar-items.ts');
const { siteLocation } = load<typeof import('./src/site/site-location')>('src/site/site-location.ts');
const { loadConfig } = load<typeof import('./src/config')>('src/config/index.ts');

// The environments name the consoles a result's links may open; the same file the CLI validates.
const projectConfig = loadConfig(root);
// RUNBOOK_SITE_URL and RUNBOOK_SITE_BASE_URL say where the site is served (default: a local server at /).
const { url, baseUrl } = siteLocation();

/** The runbook site: the docs of `docs/` served at the base URL, every step shown with its check and latest results. */
const config: Config = {
  title: 'Amazon Review Analytics Runbook',
  tagline: 'The operational runbook, with a check behind every step',
  url,
  baseUrl,
  favicon: 'img/favicon.svg',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  trailingSlash: false,
  markdown: {
    // `.md` is CommonMark (the runbook is plain Markdown), `.mdx` is MDX.
    format: 'detect',
    mermaid: true,
    hooks: { onBrokenMarkdownLinks: 'throw' },
  },
  themes: [
    '@docusaurus/theme-mermaid',
    // Full-text search built at build time from the pages themselves: no network, no external service.
    ['@easyops-cn/docusaurus-search-local', { hashed: true, indexBlog: false, indexPages: false, docsRouteBasePath: '/', highlightSearchTermsOnTargetPage: true, explicitSearchResultPath: true }],
  ],
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      {
        docs: {
          path: 'docs',
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          // The runbook first, opened into its scenarios, failing ones marked.
          sidebarItemsGenerator: runbookSidebarItems(root, projectConfig),
          // Before the defaults: Docusaurus would otherwise try to resolve `../checks/…ts` as a page.
          beforeDefaultRemarkPlugins: [[remarkRunbookChecks, { root, config: projectConfig, inputs: runbookInputsFingerprint(root) }]],
        },
        blog: false,
        pages: false,
        theme: { customCss: './src/site/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    navbar: {
      title: 'Runbook',
      items: [
        { to: '/runbook', label: 'Runbook', position: 'left' },
        { to: '/results', label: 'Results', position: 'left' },
        { to: '/architecture', label: 'Architecture', position: 'left' },
        { to: '/glossary', label: 'Glossary', position: 'left' },
      ],
    },
    colorMode: { respectPrefersColorScheme: true },
    docs: { sidebar: { hideable: true } },
    prism: {},
  } satisfies Preset.ThemeConfig,
};

export default config;
