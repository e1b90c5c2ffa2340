import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allSteps, type Step } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { buildSite, type SiteBuild } from '../src/site/testing/build-site';
import { createTempSite } from '../src/site/testing/temp-site';

const root = path.resolve(__dirname, '..');
const runbookFile = 'docs/runbook.md';
const buildTimeout = 300_000;

let outDir: string;
let build: SiteBuild;
let steps: Step[];
let html: string;

beforeAll(async () => {
  const { runbook } = await loadRunbook(defaultLayout(root));
  steps = allSteps(runbook).filter((step) => step.position.file === runbookFile);
  outDir = mkdtempSync(path.join(os.tmpdir(), 'runbook-site-out-'));
  build = await buildSite(root, root, outDir);
  html = build.code === 0 ? readFileSync(path.join(outDir, 'runbook.html'), 'utf8') : '';
}, buildTimeout);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const linked = (): Step[] => steps.filter((step) => step.check);

/** The built runbook page; fails the test, with the build's output, when the site did not build. */
function runbookPage(): string {
  expect(build.code, `the site did not build:\n${build.output}`).toBe(0);
  return html;
}

const badgeOf = (id: string): string => `id="step-${id}"`;

describe('the real site build', () => {
  it('succeeds', () => {
    expect(build.code, build.output).toBe(0);
    console.info(`site build: ${build.seconds.toFixed(1)} s`);
  });

  it('shows the 3.3 actions with their exact commands', ({ skip }) => {
    const actions = steps.filter((step) => step.scenarioId === '3.3' && step.role === 'action');
    if (!actions.some((step) => step.check)) skip(`${runbookFile} links no check from the 3.3 actions yet`);
    expect(actions.map((step) => step.id)).toEqual(['3.3.1', '3.3.2', '3.3.3', '3.3.4']);
    for (const step of actions.filter((action) => action.check)) {
      expect(runbookPage()).toContain(`<code>npm run check -- ${step.id}</code>`);
    }
  });

  it('shows one badge per check link of the runbook, with its step id, check id and command, and no more', () => {
    const expected = linked();
    expect(expected.length, `${runbookFile} has no check links yet`).toBeGreaterThan(0);
    const html = runbookPage();
    for (const step of expected) {
      expect(html).toContain(badgeOf(step.id));
      expect(html).toContain(`<code>${step.check!.id}</code>`);
      expect(html).toContain(`<code>npm run check -- ${step.id}</code>`);
    }
    expect(html.match(/data-step="/g)?.length).toBe(expected.length);
  });

  it('renders items without a check (symptoms, notes) as plain text, without a badge', () => {
    const plain = steps.filter((step) => !step.check);
    expect(plain.length).toBeGreaterThan(0);
    const html = runbookPage();
    expect(html).toContain('<h3');
    for (const step of plain) expect(html).not.toContain(badgeOf(step.id));
    expect(html).not.toMatch(/href="[^"]*checks\/[^"]*\.ts"/);
  });
});

describe('a site copy with a broken check link', () => {
  it(
    'fails the build, naming docs/runbook.md:line:column of the link and the missing module',
    async () => {
      const step = linked()[0];
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
    buildTimeout,
  );
});
