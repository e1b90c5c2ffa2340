import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../src/model';
import { check, describeRun, runCli } from './support/cli';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-reports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Suite {
  name: string;
  time: string;
  testcase: Array<{ name: string; time: string; failure?: unknown }>;
}

describe.concurrent('reports, through the spawned CLI', { timeout: 180_000 }, () => {
  it('--reporter terminal,json,junit,markdown --output-dir prints the terminal report and writes the three files whole', async () => {
    const dir = path.join(tmp, 'all');
    const run = await check('3.3', '--world', 's3-notifications-missing', '--reporter', 'terminal,json,junit,markdown', '--output-dir', dir, '--no-save');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stdout).toMatch(/^ {2}FAIL {2}3\.3\.1 /m);
    expect(readdirSync(dir).sort()).toEqual(['junit.xml', 'report.md', 'results.json']);
    const report = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8')) as RunReport;
    expect(report).toMatchObject({ version: 1, world: 's3-notifications-missing', totals: { fail: 3 } });
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(readFileSync(path.join(dir, 'junit.xml'), 'utf8')) as {
      testsuites: { time: string; failures: string; testsuite: Suite[] };
    };
    const ms = (time: string) => Math.round(Number(time) * 1000);
    const [suite] = xml.testsuites.testsuite;
    expect(suite!.name).toBe('3.3 Snowflake External Table Not Updating');
    expect(suite!.testcase.map((c) => c.name.split(' ')[0])).toEqual(report.results.map((r) => r.step));
    expect(ms(suite!.time)).toBe(suite!.testcase.reduce((sum, c) => sum + ms(c.time), 0));
    expect(ms(xml.testsuites.time)).toBe(ms(suite!.time));
    expect(xml.testsuites.failures).toBe('3');
    const markdown = readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(markdown).toContain('prefix=reviews%2F)');
    expect(markdown).not.toContain('%252F');
  });

  it('rejects an unknown reporter with the valid ones, and two reports on standard output, with exit 2', async () => {
    const [unknown, twice] = await Promise.all([check('3.3', '--reporter', 'terminal,html', '--no-save'), check('3.3', '--reporter', 'terminal,junit', '--no-save')]);
    expect(unknown.code, describeRun(unknown)).toBe(2);
    expect(unknown.stderr).toContain('Unknown reporter "html" in --reporter terminal,html, expected one or more of: terminal, json, junit, markdown');
    expect(twice.code, describeRun(twice)).toBe(2);
    expect(twice.stderr).toContain('only one report can print to standard output; give --output-dir DIR');
  });

  it('in GitHub Actions, annotates each failing step at its runbook line and appends the report to the job summary', async () => {
    const summary = path.join(tmp, 'step-summary.md');
    writeFileSync(summary, '## An earlier step\n');
    const run = await runCli('src/cli/main.ts', ['3.3', '--world', 's3-notifications-missing', '--no-save'], { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(run.code, describeRun(run)).toBe(1);
    const runbook = readFileSync(path.join(__dirname, '..', 'docs', 'runbook.md'), 'utf8').split('\n');
    const line = runbook.findIndex((text) => text.includes('s3-event-notifications.ts')) + 1;
    expect(run.stdout).toContain(`::error file=docs/runbook.md,line=${line},col=1,title=3.3.1 Verify S3 event notifications are enabled::`);
    expect(run.stdout.match(/^::error /gm)).toHaveLength(3);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('## An earlier step\n')).toBe(true);
    expect(text).toMatch(/^\| 3\.3\.1 Verify S3 event notifications are enabled \| ❌ fail \|/m);
  });
});
