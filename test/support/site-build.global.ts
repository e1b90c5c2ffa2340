import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import projectConfig from '../../runbook.config';
import { validateConfig } from '../../src/config';
import { runsDir } from '../../src/results';
import { buildSite } from '../../src/site/testing/build-site';
import { createTempSite } from '../../src/site/testing/temp-site';
import { describeRun, runCli } from './cli';
import { saveFixtureRuns } from './site-fixture-runs';

/** The one site build the site tests share: a copy of the project with a results store of known runs. */
export interface SharedSiteBuild {
  /** The built site, and the copy it was built from (its results store is under `.runbook/`). */
  outDir: string;
  siteDir: string;
  /** The site URL and base URL the build was given through RUNBOOK_SITE_URL and RUNBOOK_SITE_BASE_URL. */
  url: string;
  baseUrl: string;
  /** The build's exit code, output and time. */
  code: number | null;
  output: string;
  seconds: number;
  /** The damaged file put in the store: the page must name it. */
  damagedFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteBuild: SharedSiteBuild;
  }
}

const root = path.resolve(__dirname, '..', '..');

/**
 * Builds the site once for every site test of the run: two real CLI runs of different scenarios (3.1 in
 * glue-corrupt-json, then 3.3 in healthy) and two older fixture runs go into the copy's results store, with
 * one damaged file, and the site is built under a base URL, as a deployment would.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const site = createTempSite(root);
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'runbook-site-shared-'));
  await saveFixtureRuns(site.dir, validateConfig(projectConfig));
  for (const args of [['3.1', '--world', 'glue-corrupt-json'], ['3.3']]) {
    const run = await runCli('src/cli/main.ts', [...args, '--root', site.dir]);
    if (run.code === 2) throw new Error(`npm run check -- ${args.join(' ')} could not run:\n${describeRun(run)}`);
  }
  const damagedFile = `${runsDir}/20200101T000000000Z-badbad.json`;
  site.write(damagedFile, '{"version": 1, "id": "20200101T000000000Z-bad');
  const location = { url: 'https://runbook.example.com', baseUrl: '/ops/runbook/' };
  const build = await buildSite(root, site.dir, outDir, {
    persistentCache: false,
    minify: false,
    env: { RUNBOOK_SITE_URL: location.url, RUNBOOK_SITE_BASE_URL: location.baseUrl },
  });
  project.provide('siteBuild', { outDir, siteDir: site.dir, ...location, code: build.code, output: build.output, seconds: build.seconds, damagedFile });
  return () => {
    site.remove();
    rmSync(outDir, { recursive: true, force: true });
  };
}
