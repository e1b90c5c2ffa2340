import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allSteps, isReported, type Status, type Step } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { readRuns, type StoredRun } from '../src/results';
import { serveStatic, type StaticServer } from '../src/site/testing/static-server';
import { describeRun, runCli } from './support/cli';
import { contrastRatio } from './support/contrast';
import { injectedMarkup, prodLinks, unbrokenValue } from './support/site-fixture-runs';

const root = path.resolve(__dirname, '..');
const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
/** Where the screenshots go, for a person to look at (gitignored). */
const screenshots = path.join(root, 'test-results', 'site-browser');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

const suite = hasChromium ? describe : describe.skip;

// Every page load runs the whole client bundle: on 2 busy cores one test may take tens of seconds.
suite(hasChromium ? 'the site in Chromium' : `the site in Chromium (skipped: ${chromiumPath} is absent)`, { timeout: 90_000 }, () => {
  const build = inject('siteBuild');
  let steps: Step[];
  let runs: StoredRun[];
  let server: StaticServer;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  const outside: string[] = [];
  const consoleErrors: string[] = [];

  /** The two real CLI runs of the shared build: 3.1 in glue-corrupt-json, then 3.3 in healthy. */
  const realRun = (world: string): StoredRun => runs.find((run) => run.world === world && run.user !== 'trainee')!;
  const open = async (address: string, viewport = desktop, scheme: 'light' | 'dark' = 'light'): Promise<void> => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.url}${address}`, { waitUntil: 'networkidle' });
    await page.waitForFunction((theme) => document.documentElement.dataset.theme === theme, scheme);
    // Hydrated: run times lead with "3 h ago", which only the browser computes (the built page has the date alone).
    await page.waitForFunction(() => Array.from(document.querySelectorAll('time')).every((time) => !/^\d{4}-/.test(time.textContent!)));
  };
  const shoot = async (name: string): Promise<void> => {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: false });
  };
  const step = (id: string) => page.locator(`[id="step-${id}"]`);

  beforeAll(async () => {
    expect(build.code, `the site did not build:\n${build.output}`).toBe(0);
    const { runbook } = await loadRunbook(defaultLayout(root));
    steps = allSteps(runbook).filter((item) => item.position.file === 'docs/runbook.md');
    runs = readRuns(build.siteDir).runs;
    mkdirSync(screenshots, { recursive: true });
    server = await serveStatic(build.outDir, build.baseUrl);
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'runbook-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: desktop,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    await open('runbook');
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    console.info(`screenshots: ${screenshots}`);
  });

  describe('results of two runs of different scenarios', () => {
    it('show on every step of both scenarios, each with the status its run gave', async () => {
      for (const run of [realRun('glue-corrupt-json'), realRun('healthy')]) {
        for (const outcome of run.report.results.filter((result) => result.check)) {
          expect(await step(outcome.step).locator('[data-step]').getAttribute('data-status'), outcome.step).toBe(outcome.status);
        }
      }
    });

    it('are counted in the overview, which opens the page, with where and when each scenario last ran', async () => {
      const firstSection = await page.locator('h2', { hasText: '1. Purpose' }).boundingBox();
      const overview = await page.locator('table', { hasText: 'Scenarios at a glance' }).boundingBox();
      expect(overview!.y).toBeLessThan(firstSection!.y);
      for (const run of [realRun('glue-corrupt-json'), realRun('healthy')]) {
        const scenario = run.report.selection[0]!;
        const counts = new Map<string, number>();
        for (const outcome of run.report.results) {
          const key = outcome.check ? outcome.status : 'manual';
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const row = page.locator(`tr[data-scenario="${scenario}"]`);
        const chips = await row.locator('td:nth-child(3) [data-status]').allTextContents();
        expect(chips.sort(), scenario).toEqual([...counts].map(([status, n]) => `${n} ${status}`).sort());
        expect(await row.textContent()).toContain(`sandbox · world ${run.world}`);
        expect(await row.locator('time').getAttribute('datetime')).toBe(run.startedAt);
      }
      expect(await page.locator('tr[data-scenario="3.1"]').getAttribute('data-failing')).toBe('true');
      expect(await page.locator('tr[data-scenario="3.3"]').getAttribute('data-failing')).toBe('false');
    });

    it('say when each ran, relative and absolute, and since when the status holds', async () => {
      const healthy = realRun('healthy');
      const sandboxResult = step('3.3.1').locator('[data-environment="sandbox"]');
      const text = (await sandboxResult.textContent())!;
      expect(text).toMatch(/ran (just now|\d+ min ago|\d+ h ago) \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/);
      // the fixture's sandbox run a day earlier failed: the real healthy run changed the status
      expect(text).toContain('pass since this run (was fail)');
      expect(await sandboxResult.locator('time').first().getAttribute('datetime')).toBe(healthy.startedAt);
    });

    it('show the result of another environment beside the latest, with its own command', async () => {
      const prod = step('3.3.1').locator('[data-environment="prod"]');
      expect(await prod.textContent()).toContain('fail since this run (first recorded)');
      expect(await prod.locator('code', { hasText: 'npm run check -- 3.3.1 --env prod' }).count()).toBe(1);
    });

    it('come with a banner that they are from the sandbox, and a notice naming the results file that could not be read', async () => {
      const banner = page.locator('.theme-admonition', { hasText: 'Sandbox results' });
      expect(await banner.isVisible()).toBe(true);
      // prod's result shows beside the sandbox's; the older sandbox world is no step's latest result
      expect(await banner.textContent()).toContain('Some results on this page come from the sandbox (worlds glue-corrupt-json, healthy), a local simulator, not a real environment');
      const notice = page.locator('.theme-admonition', { hasText: 'Some results could not be read' });
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toContain(`${build.damagedFile} (run 20200101T000000000Z-badbad): skipped a damaged run entry: not JSON`);
    });

    it('mark the failing scenario in the sidebar and the table of contents, and no other', async () => {
      const failingSidebar = await page.locator('.runbook-sidebar-failing').allTextContents();
      expect(failingSidebar).toEqual(['3.1 Glue Job Failure']);
      const toc = page.locator('.table-of-contents');
      expect(await toc.locator('a', { hasText: '3.1 Glue Job Failure' }).locator('.runbook-failing-mark').count()).toBe(1);
      expect(await toc.locator('.runbook-failing-mark').count()).toBe(1);
    });
  });

  describe('steps that say what they are', () => {
    it('copy the command that reproduces the result shown, and that command gives the same status', async () => {
      const id = '3.1.3';
      const button = step(id).locator('button', { hasText: 'copy' }).first();
      await button.click();
      await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === 'copied', `[id="step-${id}"] button`);
      const command = await page.evaluate(() => navigator.clipboard.readText());
      expect(command).toBe(`npm run check -- ${id} --env sandbox --world glue-corrupt-json`);
      const run = await runCli('src/cli/main.ts', [...command.replace('npm run check -- ', '').split(' '), '--json', '--no-save', '--root', build.siteDir]);
      const status = (JSON.parse(run.stdout) as { results: Array<{ step: string; status: Status }> }).results.find((result) => result.step === id)?.status;
      expect(status, describeRun(run)).toBe(await step(id).locator('[data-step]').getAttribute('data-status'));
    });

    it('read symptoms as present or absent and causes as likely cause or ruled out', async () => {
      const badge = (id: string) => step(id).locator('[data-step] > div').first().locator('[data-status]').first().textContent();
      const glue = realRun('glue-corrupt-json').report.results;
      const symptom = glue.find((result) => result.role === 'symptom' && result.status === 'fail')!;
      const ruledOut = glue.find((result) => result.role === 'cause' && result.status === 'pass')!;
      const likely = glue.find((result) => result.role === 'cause' && result.status === 'fail')!;
      expect(await badge(symptom.step)).toBe('present');
      expect(await badge(likely.step)).toBe('likely cause');
      expect(await badge(ruledOut.step)).toBe('ruled out');
    });

    it('show an "Open … console" step\'s console link without unfolding anything', async () => {
      const links = step('3.1.1').locator('[data-environment="sandbox"] > ul');
      expect(await links.isVisible()).toBe(true);
      expect(await links.textContent()).toContain('Glue job run');
      expect(await step('3.1.1').locator('details[open]').count()).toBe(0);
    });

    it('read "manual" with "no check yet" for every reported step without a check, a badge the legend explains', async () => {
      const manual = steps.filter((item) => !item.check && isReported(item));
      // Every reported step of today's runbook links a check (the plugin's own test renders one without); the
      // overview's legend says what the badge such a step would carry means.
      const legend = page.locator('[data-legend="statuses"] [data-status="manual"]');
      expect(await legend.textContent()).toBe('manual');
      expect(await legend.locator('xpath=ancestor::div[1]').textContent()).toMatch(/^manualNo check yet: done by hand$/);
      for (const item of manual) {
        const text = await step(item.id).locator('[data-step]').textContent();
        expect(text, item.id).toMatch(/^manual.*no check yet/);
      }
    });

    it('give severity, "Important" and "Never…" rules their admonitions', async () => {
      const heading = page.locator('h3', { hasText: '3.1 Glue Job Failure' });
      expect(await heading.locator('xpath=following-sibling::*[1]').textContent()).toMatch(/^Severity: high/i);
      expect(await page.locator('.theme-admonition', { hasText: 'This architecture uses metadata refresh, not data load.' }).textContent()).toMatch(/^important/i);
      expect(await page.locator('.theme-admonition-danger', { hasText: 'Never ignore failing tests' }).count()).toBe(1);
      expect(await page.locator('.theme-admonition-danger', { hasText: 'Never apply manually outside CI/CD' }).locator('[data-step]').count()).toBe(1);
    });

    it('make links only of the consoles the environment names, and show the others as text', async () => {
      const prod = step('3.3.1').locator('[data-environment="prod"]');
      expect(await prod.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([prodLinks.ownRegion]);
      expect(await prod.textContent()).toContain(`not a console this environment names: ${prodLinks.otherRegion}`);
      expect(await step('3.1.1').locator('[data-environment="sandbox"] ul a').count()).toBe(0);
    });

    it('show a summary containing markup as literal text and run none of it', async () => {
      expect(await step('3.3.1').locator('[data-environment="prod"]').textContent()).toContain(injectedMarkup);
      expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    });

    it('land a step address below the navbar, and give each step a visible link to its address', async () => {
      await open('runbook#step-3.1.3');
      await page.waitForFunction(() => window.scrollY > 0);
      const navbar = (await page.locator('.navbar').boundingBox())!;
      const target = (await step('3.1.3').boundingBox())!;
      expect(target.y).toBeGreaterThanOrEqual(navbar.y + navbar.height);
      expect(target.y).toBeLessThan(navbar.y + navbar.height + 40);
      const anchor = step('3.1.3').locator('a[aria-label="Link to step 3.1.3"]');
      expect(await anchor.isVisible()).toBe(true);
      expect(await anchor.getAttribute('href')).toBe('#step-3.1.3');
      await shoot('anchor-3.1.3-desktop-light');
    });
  });

  describe('fit and finish', () => {
    it('has no horizontal overflow at 390 px with every evidence block open, in either theme', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        await open('runbook', phone, scheme);
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        const widths = await page.evaluate(() => ({
          document: document.documentElement.scrollWidth,
          widest: Math.max(...Array.from(document.querySelectorAll('[data-step] *')).map((node) => node.getBoundingClientRect().right)),
        }));
        console.info(`390 px, ${scheme}: document ${widths.document} px wide, rightmost step element at ${Math.round(widths.widest)} px`);
        expect(widths.document).toBeLessThanOrEqual(phone.width);
        expect(widths.widest).toBeLessThanOrEqual(phone.width);
        expect(await page.locator('dd', { hasText: unbrokenValue.slice(0, 40) }).count()).toBe(1);
        await shoot(`runbook-overview-phone-${scheme}`);
        await step('3.1.3').scrollIntoViewIfNeeded();
        await shoot(`runbook-3.1.3-evidence-phone-${scheme}`);
        await step('3.3.4').scrollIntoViewIfNeeded();
        await shoot(`runbook-3.3.4-action-phone-${scheme}`);
      }
    });

    it('gives every status badge WCAG AA contrast in both themes', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        await open('runbook', desktop, scheme);
        const pairs = await page.locator('[data-step] [data-status], [data-scenario] [data-status], [data-legend] [data-status]').evaluateAll((badges) =>
          badges.map((badge) => {
            // What shows under the text: every background from the page down to the badge, blended by its alpha.
            const layers: number[][] = [];
            for (let node: Element | null = badge; node; node = node.parentElement) layers.unshift(getComputedStyle(node).backgroundColor.match(/[\d.]+/g)!.map(Number));
            const under = layers.reduce((base, [r, g, b, a = 1]) => [r!, g!, b!].map((value, index) => value * a + base[index]! * (1 - a)), [255, 255, 255]);
            return { status: badge.getAttribute('data-status')!, color: getComputedStyle(badge).color, background: `rgb(${under.map(Math.round).join(', ')})` };
          }),
        );
        const lowest = new Map<string, number>();
        for (const pair of pairs) lowest.set(pair.status, Math.min(lowest.get(pair.status) ?? Infinity, contrastRatio(pair.color, pair.background)));
        console.info(`status contrast, ${scheme}: ${[...lowest].map(([status, ratio]) => `${status} ${ratio.toFixed(2)}:1`).join(', ')}`);
        expect([...lowest.keys()].sort()).toEqual(['acknowledged', 'error', 'fail', 'manual', 'none', 'pass', 'skip', 'warn']);
        for (const [status, ratio] of lowest) expect(ratio, `${status} in ${scheme}`).toBeGreaterThanOrEqual(4.5);
        await shoot(`runbook-top-desktop-${scheme}`);
      }
    });

    it('has no serious or critical axe-core violation on the runbook, results, architecture and glossary pages, in either theme', async () => {
      const axeScript = path.join(root, 'node_modules', 'axe-core', 'axe.min.js');
      const found: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        for (const address of ['runbook', 'results', 'architecture', 'glossary']) {
          await open(address, desktop, scheme);
          await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
          if (address === 'architecture') await page.locator('.docusaurus-mermaid-container svg').waitFor();
          await page.addScriptTag({ path: axeScript });
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.length, first: violation.nodes[0]?.target.join(' ') }));
          });
          console.info(`axe ${address} (${scheme}): ${violations.length === 0 ? 'no violations' : violations.map((v) => `${v.id} [${v.impact}] ×${v.nodes}`).join(', ')}`);
          found.push(...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${address} ${scheme}: ${v.id} [${v.impact}] ×${v.nodes}, e.g. ${v.first}`));
        }
      }
      expect(found).toEqual([]);
    }, 180_000);

    it('answers an unknown address with a 404 page that links back to the runbook', async () => {
      const other = await context.newPage();
      try {
        const response = await other.goto(`${server.url}no-such-page`, { waitUntil: 'networkidle' });
        expect(response!.status()).toBe(404);
        expect(await other.locator('h1').textContent()).toBe('Page not found');
        const back = other.locator('main a', { hasText: 'Open the runbook' });
        expect(await back.getAttribute('href')).toBe(`${build.baseUrl}runbook`);
        await back.click();
        await other.waitForURL(`${server.url}runbook`);
      } finally {
        await other.close();
      }
    });
  });

  describe('find and learn', () => {
    it('finds "storage integration" with the offline search, and opens the runbook from the result', async () => {
      await open('runbook');
      const input = page.locator('.navbar__search-input');
      await input.click();
      await input.fill('storage integration');
      const result = page.locator('[role="option"]', { hasText: /storage integration/i }).first();
      await result.waitFor();
      expect(await result.textContent()).toMatch(/storage integration/i);
      await shoot('search-storage-integration');
      await result.click();
      await page.waitForURL((url) => /\/(runbook|glossary)/.test(url.pathname));
    });

    it('draws the architecture diagram, each component linking to a scenario heading that exists', async () => {
      await open('architecture');
      await page.locator('.docusaurus-mermaid-container svg a').first().waitFor();
      const hrefs = await page.locator('.docusaurus-mermaid-container svg a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? link.getAttribute('xlink:href')));
      expect(hrefs.length).toBeGreaterThanOrEqual(12);
      await shoot('architecture-desktop-light');
      await page.locator('.docusaurus-mermaid-container svg a', { hasText: 'Glue PySpark jobs' }).click();
      await page.waitForURL(`${server.url}runbook#31-glue-job-failure`);
      for (const anchor of new Set(hrefs.map((href) => href!.split('#')[1]!))) {
        expect(await page.locator(`[id="${anchor}"]`).count(), anchor).toBe(1);
      }
    });

    it('has a glossary of the platform\'s terms, and puts the runbook first in the sidebar', async () => {
      await open('glossary');
      for (const term of ['Storage integration', 'External table', 'State lock', 'Redrive', 'Sandbox, world']) {
        expect(await page.locator('li strong', { hasText: term }).count(), term).toBe(1);
      }
      expect((await page.locator('.theme-doc-sidebar-menu > li').first().textContent())!).toMatch(/^Operational Runbook/);
    });

    it('lists the latest run of every scenario in every environment on the results page', async () => {
      await open('results');
      const environments = await page.locator('section[data-environment]').evaluateAll((sections) => sections.map((section) => section.getAttribute('data-environment')));
      expect(environments).toEqual(['sandbox', 'prod']);
      expect(await page.locator('section[data-environment="sandbox"] tr[data-scenario]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-scenario')))).toEqual(['3.1', '3.3']);
      expect(await page.locator('tr[data-run]').count()).toBe(runs.length);
      expect(await page.locator('.theme-admonition', { hasText: build.damagedFile }).isVisible()).toBe(true);
      await page.locator('tr[data-scenario="3.1"] a').first().click();
      await page.waitForURL(`${server.url}runbook#31-glue-job-failure`);
      await open('results');
      await shoot('results-desktop-light');
    });

    it('keeps <file> in the CLI reference', async () => {
      await open('cli-reference');
      expect(await page.locator('td', { hasText: 'also write a JUnit XML report to' }).textContent()).toBe('also write a JUnit XML report to <file>');
    });
  });

  it('loads nothing from outside loopback and logs no console error', () => {
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
