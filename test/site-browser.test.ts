import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allSteps, reportVersion, type RunReport, type Status, type Step, type StepOutcome } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { latestReportPath } from '../src/reporters/locations';
import { buildSite } from '../src/site/testing/build-site';
import { serveStatic, type StaticServer } from '../src/site/testing/static-server';
import { createTempSite, type TempSite } from '../src/site/testing/temp-site';

const root = path.resolve(__dirname, '..');
const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const screenshot = path.join(os.tmpdir(), 'runbook-site-3.3.png');
const injected = '<script>window.__injected = true</script>';

/** The statuses the fixture run gives the linked steps, in order; later steps have no result. */
const fixtureStatuses = ['fail', 'pass', 'error', 'skip'] as const satisfies readonly Status[];

/** A result document as the CLI writes it, for the runbook's linked steps: a failing summary carries markup. */
function fixtureReport(steps: Step[]): RunReport {
  const results = steps.slice(0, fixtureStatuses.length).map((step, index): StepOutcome => {
    const common = { step: step.id, scenario: step.scenarioId, role: step.role, text: step.text, check: step.check!.id, kind: 'check' as const, durationMs: 12, links: [] };
    const status = fixtureStatuses[index]!;
    if (status === 'pass') return { ...common, status, summary: 'notifications reach the channel', evidence: [{ label: 'queue', value: 'arn:aws:sqs:eu-west-1:123456789012:sf-snowpipe' }] };
    if (status === 'error') return { ...common, status, summary: 'could not tell: the request timed out', evidence: [], error: { name: 'TimeoutError', message: 'timed out' } };
    return {
      ...common,
      status,
      reason: 'fixture',
      summary: status === 'fail' ? `no ObjectCreated queue for processed/ ${injected}` : 'not applicable: no external table uses auto-refresh here',
      evidence: [
        { label: 'bucket', value: 'ara-processed' },
        { label: 'queue configurations', value: [] },
      ],
      links: [{ label: 'S3 console', url: 'https://console.aws.amazon.com/s3/buckets/ara-processed?tab=properties' }],
    };
  });
  const totals = { pass: 0, fail: 0, warn: 0, acknowledged: 0, skip: 0, error: 0 };
  for (const result of results) totals[result.status] += 1;
  return {
    version: reportVersion,
    environment: 'sandbox',
    world: 's3-notifications-missing',
    selection: ['3.3'],
    scenarios: [],
    fix: false,
    startedAt: '2025-11-26T01:50:44.123Z',
    durationMs: 840,
    totals,
    results,
  };
}

const suite = hasChromium ? describe : describe.skip;

suite(hasChromium ? 'the runbook page in Chromium' : `the runbook page in Chromium (skipped: ${chromiumPath} is absent)`, () => {
  let linked: Step[];
  let site: TempSite;
  let outDir: string;
  let userDataDir: string;
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  const outside: string[] = [];

  beforeAll(async () => {
    const { runbook } = await loadRunbook(defaultLayout(root));
    linked = allSteps(runbook).filter((step) => step.check && step.position.file === 'docs/runbook.md');
    expect(linked.length, 'docs/runbook.md links no check yet').toBeGreaterThan(1);
    site = createTempSite(root);
    site.write(latestReportPath, JSON.stringify(fixtureReport(linked)));
    outDir = mkdtempSync(path.join(os.tmpdir(), 'runbook-site-browser-'));
    const build = await buildSite(root, site.dir, outDir, { persistentCache: false, minify: false });
    expect(build.code, build.output).toBe(0);
    server = await serveStatic(outDir);
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'runbook-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/runbook`, { waitUntil: 'networkidle' });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    site?.remove();
    for (const dir of [outDir, userDataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows a badge under every linked step: status, step id, kind and the exact command', async () => {
    const badges = page.locator('[data-step]');
    expect(await badges.count()).toBe(linked.length);
    for (const step of linked) {
      const badge = page.locator(`[id="step-${step.id}"]`);
      expect(await badge.isVisible()).toBe(true);
      const text = await badge.innerText();
      expect(text).toContain(step.id);
      expect(text).toMatch(/read-only|action/i);
      expect(text).toContain(`npm run check -- ${step.id}`);
    }
  });

  it('colours each badge by its last status, and marks steps never run', async () => {
    const colour = (id: string) => page.locator(`[id="step-${id}"] [data-status]`).first().evaluate((node) => getComputedStyle(node).backgroundColor);
    expect(await colour(linked[0]!.id)).toBe('rgb(250, 56, 62)');
    expect(await colour(linked[1]!.id)).toBe('rgb(0, 164, 0)');
    const statuses = await page.locator('[data-step]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-status')));
    expect(statuses).toEqual(linked.map((_, index) => fixtureStatuses[index] ?? 'none'));
    if (linked.length > fixtureStatuses.length) expect(await page.locator(`[id="step-${linked.at(-1)!.id}"]`).innerText()).toMatch(/not run/i);
  });

  it('shows a summary containing markup as literal text and runs none of it', async () => {
    expect(await page.locator(`[id="step-${linked[0]!.id}"]`).innerText()).toContain(injected);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  });

  it('copies a command to the clipboard from its button', async () => {
    const step = linked[1]!;
    const button = page.locator(`[id="step-${step.id}"] button`).first();
    await button.click();
    await page.waitForFunction((id) => document.querySelector(`[id="step-${id}"] button`)?.textContent === 'copied', step.id);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`npm run check -- ${step.id}`);
  });

  it('loads nothing from outside loopback', () => {
    expect(outside).toEqual([]);
  });

  it('looks right to a person: screenshot of scenario 3.3 with the evidence of the failing step open', async () => {
    await page.locator(`[id="step-${linked[0]!.id}"] details summary`).click();
    const heading = page.locator('h3', { hasText: '3.3' });
    await heading.scrollIntoViewIfNeeded();
    const top = (await heading.boundingBox())!.y + (await page.evaluate(() => window.scrollY));
    const last = (await page.locator('[data-step]').last().boundingBox())!;
    const bottom = last.y + last.height + (await page.evaluate(() => window.scrollY));
    await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: top - 16, width: 1280, height: bottom - top + 40 } });
    expect(existsSync(screenshot)).toBe(true);
    console.info(`screenshot: ${screenshot}`);
  });
});
