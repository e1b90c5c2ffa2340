import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../src/model';
import { readRuns } from '../src/results';
import { loadWorld } from '../src/sandbox/world/load-world';
import { check, describeRun, runCli, type CliRun } from './support/cli';
import { root } from './support/project';
import { tempProject as inTemp } from './support/temp-project';

const lint = (...args: string[]) => runCli('src/cli/lint-main.ts', args);

/** Runs the CLI and returns, besides what it printed, every module file it loaded. */
async function withLoadedModules(entry: string, args: string[]): Promise<CliRun & { modules: string[] }> {
  const record = path.join(tmp, `modules-${Math.random().toString(36).slice(2)}.txt`);
  const run = await runCli(entry, args, { preload: [path.join(root, 'test', 'support', 'record-modules.cjs')], env: { RUNBOOK_RECORD_MODULES: record } });
  return { ...run, modules: readFileSync(record, 'utf8').split('\n') };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tempProject = (name: string, edit: (runbook: string) => string, extraChecks: Record<string, string> = {}) => inTemp(tmp, name, edit, extraChecks);

const addAfter = (text: string, anchor: string, addition: string) => {
  if (!text.includes(anchor)) throw new Error(`docs/runbook.md no longer contains "${anchor}"`);
  return text.replace(anchor, `${anchor}\n${addition}`);
};
const lastAction33 = '4. [Run manual metadata refresh (if required for debugging)](../checks/snowflake/refresh-external-table.ts)';

describe.concurrent('npm run check, as a spawned process', { timeout: 180_000 }, () => {
  it('3.3 in the healthy world exits 0, reports the symptoms and steps 3.3.1 to 3.3.4, the closing line, and writes JUnit and Markdown files', async () => {
    const junit = path.join(tmp, 'reports', 'healthy.xml');
    const markdown = path.join(tmp, 'reports', 'healthy.md');
    const run = await check('3.3', '--no-save', '--junit', junit, '--markdown', markdown);
    expect(run.code, describeRun(run)).toBe(0);
    for (const step of ['3.3.1', '3.3.2', '3.3.3']) expect(run.stdout).toMatch(new RegExp(`^  PASS  ${step.replaceAll('.', '\\.')} `, 'm'));
    expect(run.stdout).toMatch(/^ {2}SKIP {2}3\.3\.4 {3}Run manual metadata refresh .*\[refresh-external-table, action\]$/m);
    expect(run.stdout).toMatch(/^3\.3 Snowflake External Table Not Updating \(severity: medium\) {2}env sandbox · world healthy$/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('5 passed, 0 failed, 1 skipped');
    expect(run.stdout).not.toMatch(/\u001b\[/);

    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(junit, 'utf8')) as {
      testsuites: { tests: string; testsuite: { name: string; tests: string; skipped: string; testcase: Array<{ name: string }> } };
    };
    expect(xml.testsuites.testsuite).toMatchObject({ name: '3.3 Snowflake External Table Not Updating', tests: '6', skipped: '1' });
    expect(xml.testsuites.testsuite.testcase.map((c) => c.name.split(' ')[0])).toEqual(['3.3.s1', '3.3.s2', '3.3.1', '3.3.2', '3.3.3', '3.3.4']);
    const md = readFileSync(markdown, 'utf8');
    expect(md).toMatch(/^## 3\.3 Snowflake External Table Not Updating \(severity: medium\)$/m);
    expect(md).toMatch(/^\| 3\.3\.1 Verify S3 event notifications are enabled \| ✅ pass \| `s3-event-notifications` \|/m);
  });

  it.each(['s3-notifications-missing', 'storage-integration-disabled', 'auto-refresh-off'])(
    '3.3 --world %s --json exits 1 and fails exactly the steps the world stages, in a versioned document',
    async (world) => {
      const run = await check('3.3', '--world', world, '--json', '--no-save');
      expect(run.code, describeRun(run)).toBe(1);
      const report = JSON.parse(run.stdout) as RunReport;
      expect(report).toMatchObject({ version: 1, environment: 'sandbox', world, selection: ['3.3'], fix: false });
      for (const result of report.results) {
        expect(Object.keys(result)).toEqual(expect.arrayContaining(['step', 'check', 'status', 'summary']));
      }
      const expected = loadWorld(world, new Date()).header.expect!;
      const failing = Object.entries(expected).filter(([, status]) => status === 'fail').map(([step]) => step);
      expect(report.results.filter((r) => r.status === 'fail').map((r) => r.step).sort()).toEqual(failing.sort());
      expect(report.results.find((r) => r.step === '3.3.4')).toMatchObject({ check: 'refresh-external-table', status: 'skip' });
      expect(report.totals.fail).toBe(failing.length);
    },
  );

  it('3.3.2 runs that one step', async () => {
    const run = await check('3.3.2', '--no-save');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout.match(/^ {2}(PASS|FAIL|SKIP|WARN|ERROR) /gm)).toHaveLength(1);
    expect(run.stdout).toMatch(/^ {2}PASS {2}3\.3\.2 /m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed, 0 skipped');
  });

  it('--list lists every scenario with its steps and their checks, without running anything', async () => {
    const run = await check('--list');
    expect(run.code, describeRun(run)).toBe(0);
    for (const id of ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']) expect(run.stdout).toMatch(new RegExp(`^${id.replace('.', '\\.')} .*npm run check -- ${id.replace('.', '\\.')}$`, 'm'));
    expect(run.stdout).toMatch(/^ {2}3\.3\.1 {3}action {2}Verify S3 event notifications are enabled {2}→ s3-event-notifications$/m);
    expect(run.stdout).toMatch(/^ {2}3\.3\.s2 {2}symptom External table does not reflect new data {2}→ external-table-unregistered-files$/m);
    expect(run.stdout).toMatch(/^ {2}3\.3\.s1 {2}symptom New files in S3 \(processed\) {2}→ files-newer-than-table$/m);
    for (const id of ['5', '6', '7']) expect(run.stdout).toMatch(new RegExp(`^${id} .*npm run check -- ${id}$`, 'm'));
    expect(run.stdout).toMatch(/^ {2}6\.2 {5}action {2}Always review Terraform plan before apply {2}→ apply-requires-review$/m);
  });

  it('6 runs the best-practice section in healthy: every linked practice passes, exit 0', async () => {
    const run = await check('6', '--no-save');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toMatch(/^ {2}PASS {2}6\.1 /m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed, \d+ skipped$/);
  });

  it('an unknown scenario exits 2 and lists the known ones', async () => {
    const run = await check('9.9', '--no-save');
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/Unknown scenario or step "9\.9", expected one of: 3\.1 \(Glue Job Failure\), 3\.2 \(Step Functions Failure\), 3\.3 \(Snowflake External Table Not Updating\)/);
    expect(run.stdout).toBe('');
  });

  it('an unknown world exits 2 and lists the worlds', async () => {
    const run = await check('3.3', '--world', 'nope', '--no-save');
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/Unknown world "nope", expected one of: .*auto-refresh-off.*healthy.*s3-notifications-missing/);
  });

  it('an unknown environment exits 2 and lists the environments', async () => {
    const run = await check('3.3', '--env', 'nope', '--no-save');
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/Unknown environment "nope", expected one of: sandbox, prod/);
  });

  it('a malformed --param, or one no selected check declares, exits 2 before anything runs', async () => {
    const [malformed, undeclared] = await Promise.all([check('3.3', '--param', 'bad', '--no-save'), check('3.3', '--param', 'table=X', '--no-save')]);
    expect(malformed.code, describeRun(malformed)).toBe(2);
    expect(malformed.stderr).toMatch(/Unexpected --param "bad", expected name=value/);
    expect(undeclared.code, describeRun(undeclared)).toBe(2);
    expect(undeclared.stderr).toMatch(/Unexpected --param table: no selected check declares it/);
  });

  it('a new step linking an existing check, added to the Markdown only, runs with no code change', async () => {
    const project = tempProject('new-step', (text) => addAfter(text, lastAction33, '5. [Re-check that S3 events reach the table](../checks/s3/s3-event-notifications.ts)'));
    const run = await check('3.3.5', '--root', project, '--world', 's3-notifications-missing', '--json');
    expect(run.code, describeRun(run)).toBe(1);
    const report = JSON.parse(run.stdout) as RunReport;
    expect(report.results).toEqual([
      expect.objectContaining({ step: '3.3.5', text: 'Re-check that S3 events reach the table', check: 's3-event-notifications', status: 'fail' }),
    ]);
    // the run is kept in that project's results store, not in this one, with the command line that started it
    const { runs, problems } = readRuns(project);
    expect(problems).toEqual([]);
    expect(runs).toEqual([expect.objectContaining({ environment: 'sandbox', world: 's3-notifications-missing', sandbox: true, command: ['3.3.5', '--root', project, '--world', 's3-notifications-missing', '--json'], report })]);
  });

  it('a runbook with errors stops the run with exit 2 and positioned diagnostics', async () => {
    const project = tempProject('broken-link', (text) => addAfter(text, lastAction33, '5. [Check the pipe](../checks/snowflake/no-such-check.ts)'));
    const run = await check('3.3', '--root', project, '--no-save');
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/^docs\/runbook\.md:\d+:4: error: Unexpected link to checks\/snowflake\/no-such-check\.ts in step 3\.3\.5: no such check module/m);
    expect(run.stderr).toMatch(/npm run lint:runbook/);
  });
});

describe.concurrent('what the CLI loads at start-up', { timeout: 180_000 }, () => {
  const sdkClients = (modules: string[]) => modules.filter((file) => /node_modules\/(@aws-sdk\/client-|snowflake-sdk\/|@octokit\/rest\/)/.test(file));
  const checkModules = (modules: string[]) => modules.filter((file) => file.startsWith(path.join(root, 'checks') + path.sep));

  it.each([
    ['--list', 'src/cli/main.ts', ['--list']],
    ['--help', 'src/cli/main.ts', ['--help']],
    ['lint:runbook', 'src/cli/lint-main.ts', []],
  ])('%s loads no SDK client and no check module', async (_name, entry, args) => {
    const run = await withLoadedModules(entry, args);
    expect(run.code, describeRun(run)).toBe(0);
    expect(sdkClients(run.modules)).toEqual([]);
    expect(checkModules(run.modules)).toEqual([]);
  });

  it('a run loads the SDK clients and check modules its steps use, and no other', async () => {
    const run = await withLoadedModules('src/cli/main.ts', ['3.3.1', '--no-save']);
    expect(run.code, describeRun(run)).toBe(0);
    expect(checkModules(run.modules)).toEqual([path.join(root, 'checks', 's3', 's3-event-notifications.ts')]);
    const clients = new Set(sdkClients(run.modules).map((file) => /node_modules\/((@[^/]+\/)?[^/]+)\//.exec(file)![1]));
    // snowflake-sdk requires client-sts (for platform detection, which is off): a stand-in, its entry file only.
    expect([...clients].sort()).toEqual(['@aws-sdk/client-s3', '@aws-sdk/client-sts', 'snowflake-sdk']);
    // The embedded sandbox loads in a thread of its own. zod's translations and the driver's libraries it never uses here
    // (its log library, connection pool, connections.toml reader, browser opener, axios's form-data) are stand-ins
    // (their entry file only): none of the modules behind them loads. The committed acknowledgements file acknowledges
    // nothing, so the YAML library does not load either.
    expect(run.modules.filter((file) => file.startsWith(path.join(root, 'src', 'sandbox') + path.sep) && /[/\\](service|handler)\.ts$/.test(file))).toEqual([]);
    expect(run.modules.filter((file) => /node_modules\/(winston\/lib\/winston\/|logform\/|zod\/v4\/locales\/(?!en\.cjs|index\.cjs))/.test(file))).toEqual([]);
    expect(run.modules.filter((file) => /node_modules\/(generic-pool\/lib\/|toml\/lib\/|asynckit\/|combined-stream\/|is-wsl\/|define-lazy-prop\/|yaml\/dist\/)/.test(file))).toEqual([]);
    // Nor does Node's fetch (undici), which axios would load to probe it, nor the driver's native core or CRL validator.
    expect(run.modules.filter((file) => /internal\/deps\/undici\/|sf_mini_core|crl_validator\/(?!index\.js)|asn1\.js/.test(file))).toEqual([]);
  });

  it('never runs stale code: a check module edited after a run runs as edited in the next one', async () => {
    const module = (summary: string) => `import { defineCheck, pass } from ${JSON.stringify(path.join(root, 'src', 'check-api'))};\nexport default defineCheck({ id: 'edited-check', title: 't', establishes: 'e', kind: 'check', uses: [], run: async () => pass('${summary}') });\n`;
    const runbook = '### 9.1 Edited\n\nActions:\n\n1. [Edited](../checks/local/edited-check.ts)\n';
    const project = tempProject('edited', () => runbook, { 'checks/local/edited-check.ts': module('first version') });
    const first = await check('9.1.1', '--root', project, '--no-save', '--json');
    expect(JSON.parse(first.stdout).results[0].summary, describeRun(first)).toBe('first version');
    writeFileSync(path.join(project, 'checks', 'local', 'edited-check.ts'), module('second version'));
    const second = await check('9.1.1', '--root', project, '--no-save', '--json');
    expect(JSON.parse(second.stdout).results[0].summary, describeRun(second)).toBe('second version');
  });
});

describe.concurrent('npm run lint:runbook, as a spawned process', { timeout: 180_000 }, () => {
  it('passes on the project runbook with a summary line and exit 0', async () => {
    const run = await lint();
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ documents?, 9 scenarios, \d+ steps, \d+ linked checks: 0 errors, 0 warnings$/);
  });

  it('prints every problem as file:line:column: error: message [rule], including a check module whose id is not its file name, and exits 1', async () => {
    const project = tempProject(
      'lint-errors',
      (text) => addAfter(text, lastAction33, '5. [Check the pipe](../checks/snowflake/wrong-id.ts)\n6. [Missing](../checks/snowflake/missing.ts)'),
      { 'checks/snowflake/wrong-id.ts': "export default { id: 'another-id', title: 't', establishes: 'e', kind: 'check', uses: [], run: async () => null };\n" },
    );
    const run = await lint('--root', project);
    expect(run.code, describeRun(run)).toBe(1);
    const text = readFileSync(path.join(project, 'docs', 'runbook.md'), 'utf8').split('\n');
    const lineOf = (needle: string) => text.findIndex((line) => line.includes(needle)) + 1;
    expect(run.stdout).toContain(
      `docs/runbook.md:${lineOf('wrong-id.ts')}:4: error: Unexpected check module for step 3.3.5: checks/snowflake/wrong-id.ts: unexpected id "another-id", expected "wrong-id" (the file name) [check-module]`,
    );
    expect(run.stdout).toContain(`docs/runbook.md:${lineOf('missing.ts')}:4: error: Unexpected link to checks/snowflake/missing.ts in step 3.3.6: no such check module`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/: [1-9]\d* errors?, 0 warnings$/);
  });

  it('rejects an unknown argument with exit 2', async () => {
    const run = await lint('--nope');
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/Unexpected argument "--nope", expected --root <dir>/);
  });
});
