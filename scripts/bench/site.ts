import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/site/testing/build-site';

/** `docusaurus build` of the site with the project's remark plugin and without it (cold, no persistent cache, no minify). */
export interface SiteFigures {
  withPlugin: { seconds: number; ok: boolean };
  withoutPlugin: { seconds: number; ok: boolean };
  ratio: number;
}

/** The config the baseline builds with: the project's, its remark plugin replaced by one that only unlinks check links. */
const baselineConfig = (root: string) => `import config from ${JSON.stringify(path.join(root, 'docusaurus.config'))};
const presets = (config.presets ?? []).map((preset) => {
  if (!Array.isArray(preset)) return preset;
  const [name, options] = preset as [string, { docs?: Record<string, unknown> }];
  if (!options?.docs) return preset;
  // In place of the project's plugin, the least Docusaurus needs: check links become their text, and the elements the
  // plugin fills (the results page's <RunbookResults />) are left out.
  const stripCheckLinks = () => (tree: { children?: unknown[] }) => {
    const visit = (node: { type?: string; url?: string; children?: unknown[] }) => {
      // A leaf keeps no children at all: MDX reads an own \`children: undefined\` as a list.
      if (!node.children) return;
      node.children = node.children.flatMap((child) => {
        const c = child as { type?: string; url?: string; name?: string; children?: unknown[] };
        if (c.type === 'link' && (c.url ?? '').includes('checks/') && (c.url ?? '').endsWith('.ts')) return c.children ?? [];
        if (c.type === 'mdxJsxFlowElement' && c.name === 'RunbookResults') return [];
        visit(c);
        return [c];
      });
    };
    visit(tree);
  };
  return [name, { ...options, docs: { ...options.docs, beforeDefaultRemarkPlugins: [stripCheckLinks] } }];
});
export default { ...config, presets, onBrokenLinks: 'warn', markdown: { ...config.markdown, hooks: { ...config.markdown?.hooks, onBrokenMarkdownLinks: 'warn' } } };
`;

/** A site folder that is the project's (its files linked in) but for the baseline's config. */
export function baselineSite(root: string, dir: string): string {
  mkdirSync(dir);
  // The docs are copied: Docusaurus keys its pages by their real path, which a link would move outside the site.
  cpSync(path.join(root, 'docs'), path.join(dir, 'docs'), { recursive: true });
  for (const entry of ['src', 'static', 'sidebars.ts', 'package.json', 'tsconfig.json', 'node_modules', 'checks']) {
    try {
      symlinkSync(path.join(root, entry), path.join(dir, entry));
    } catch {
      // an entry the project does not have
    }
  }
  writeFileSync(path.join(dir, 'docusaurus.config.ts'), baselineConfig(root));
  return dir;
}

/** Builds the site twice, with and without the remark plugin, each into a temporary folder. */
export async function siteFigures(root: string): Promise<SiteFigures> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'bench-site-'));
  try {
    const options = { persistentCache: false, minify: false };
    const withPlugin = await buildSite(root, root, path.join(out, 'with'), options);
    const withoutPlugin = await buildSite(root, baselineSite(root, path.join(out, 'site')), path.join(out, 'without'), options);
    return {
      withPlugin: { seconds: withPlugin.seconds, ok: withPlugin.code === 0 },
      withoutPlugin: { seconds: withoutPlugin.seconds, ok: withoutPlugin.code === 0 },
      ratio: withPlugin.seconds / withoutPlugin.seconds,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
