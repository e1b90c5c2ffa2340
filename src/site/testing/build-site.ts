import { spawn } from 'node:child_process';
import path from 'node:path';

/** How a `docusaurus build` went: its exit code, its combined output and how long it took. */
export interface SiteBuild {
  code: number | null;
  output: string;
  seconds: number;
}

/** Options of a test build. */
export interface BuildOptions {
  /** Keep webpack's persistent cache (default true); turn it off for temporary site copies. */
  persistentCache?: boolean;
  /** Minify the bundles (default true); off saves about a third of a cold build. */
  minify?: boolean;
  /** Variables to set for the build (RUNBOOK_SITE_URL, RUNBOOK_SITE_BASE_URL). */
  env?: Record<string, string>;
}

/** Runs `docusaurus build <siteDir> --out-dir <outDir>` with the project's Docusaurus, as `npm run build` would. */
export function buildSite(root: string, siteDir: string, outDir: string, options: BuildOptions = {}): Promise<SiteBuild> {
  const bin = path.join(root, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
  const args = [bin, 'build', siteDir, '--out-dir', outDir, ...(options.minify === false ? ['--no-minify'] : [])];
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, NODE_ENV: 'production', FORCE_COLOR: '0', NO_COLOR: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  if (options.persistentCache === false) env.DOCUSAURUS_NO_PERSISTENT_CACHE = 'true';
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: siteDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, seconds: (Date.now() - started) / 1000 }));
  });
}
