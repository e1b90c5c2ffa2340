import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { allSteps, isReported, type Step } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { latestResults, readRuns } from '../src/results';
import { buildSite } from '../src/site/testing/build-site';
import { createTempSite } from '../src/site/testing/temp-site';

const root = path.resolve(__dirname, '..');
const runbookFile = 'docs/runbook.md';
const build = inject('siteBuild');

let steps: Step[];
const page = (file: string): string => {
  expect(build.code, `the site did not build:\n${build.output}`).toBe(0);
  return readFileSync(path.join(build.outDir, file), 'utf8');
};

beforeAll(async () => {
  const { runbook } = await loadRunbook(defaultLayout(root));
  steps = allSteps(runbook).filter((step) => step.position.file === runbookFile);
});

describe('the shared site build', () => {
  it('succeeds', () => {
    expect(build.code, build.output).toBe(0);
    console.info(`site build: ${build.seconds.toFixed(1)} s`);
  });

  it('shows one badge per reported step of the runbook: linked ones with their check and the command of their latest result, the others as manual', () => {
    const html = page('runbook.html');
    const latest = latestResults(readRuns(build.siteDir).runs);
    const reported = steps.filter(isReported);
    for (const step of reported) {
      expect(html, step.id).toContain(`id="step-${step.id}"`);
      if (!step.check) continue;
      expect(html).toContain(`<code>${step.check.id}</code>`);
      const newest = [...latest.values()].map((byStep) => byStep.get(step.id)).filter((item) => item !== undefined).sort((a, b) => b.run.startedAt.localeCompare(a.run.startedAt))[0];
      const flags = newest ? ` --env ${newest.run.environment}${newest.run.world ? ` --world ${newest.run.world}` : ''}` : '';
      expect(html, step.id).toContain(`<code>npm run check -- ${step.id}${flags}</code>`);
    }
    expect(html.match(/data-step="/g)?.length).toBe(reported.length);
    expect(html).not.toMatch(/href="[^"]*checks\/[^"]*\.ts"/);
  });

  it('opens the runbook page with the scenario overview, before its first section', () => {
    const html = page('runbook.html');
    expect(html.indexOf('Scenarios at a glance')).toBeGreaterThan(0);
    expect(html.indexOf('Scenarios at a glance')).toBeLessThan(html.indexOf('id="1-purpose"'));
  });

  it('serves every page at the site URL and base URL the environment gives', () => {
    const html = page('runbook.html');
    expect(html).toMatch(new RegExp(`<link[^>]* rel="canonical" href="${build.url}${build.baseUrl}runbook"`));
    expect(html).toMatch(new RegExp(`src="${build.baseUrl}assets/js/`));
    expect(page('sitemap.xml')).toContain(`<loc>${build.url}${build.baseUrl}glossary</loc>`);
  });

  it('builds the search index with the pages\' text, with no network', () => {
    const index = readdirSync(build.outDir).find((name) => /^search-index.*\.json$/.test(name));
    expect(index, 'no search index in the build').toBeDefined();
    expect(page(index!).toLowerCase()).toContain('storage integration');
  });

  it('keeps <file> as text in the CLI reference', () => {
    expect(page('cli-reference.html')).toContain('also write a JUnit XML report to &lt;file&gt;');
  });

  it('has a 404 page that links back to the runbook under the base URL', () => {
    expect(page('404.html')).toContain(`href="${build.baseUrl}runbook"`);
  });

  it('gives every scenario of the architecture diagram a heading that exists on the runbook page', () => {
    const diagram = readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
    const anchors = [...diagram.matchAll(/click \w+ href "runbook#([\w-]+)"/g)].map((match) => match[1]!);
    expect(new Set(anchors).size).toBe(6);
    for (const anchor of anchors) expect(page('runbook.html'), anchor).toContain(`id="${anchor}"`);
  });
});

describe('a site copy with a broken check link', () => {
  it(
    'fails the build, naming docs/runbook.md:line:column of the link and the missing module',
    async () => {
      const step = steps.filter((item) => item.check)[0];
      expect(step, `${runbookFile} has no check links yet`).toBeDefined();
      const site = createTempSite(root);
      const badOut = mkdtempSync(path.join(os.tmpdir(), 'runbook-site-bad-'));
      try {
        const text = readFileSync(path.join(root, runbookFile), 'utf8');
        site.write(runbookFile, text.replace(step!.check!.href, '../checks/s3/no-such-check.ts'));
        const broken = await buildSite(root, site.dir, badOut, { persistentCache: false, minify: false });
        expect(broken.code, broken.output).not.toBe(0);
        const { line, column } = step!.check!.position;
        expect(broken.output).toContain(`${runbookFile}:${line}:${column}: error: Unexpected link to checks/s3/no-such-check.ts in step ${step!.id}`);
        expect(broken.output).toContain('[missing-check]');
      } finally {
        site.remove();
        rmSync(badOut, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
