import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import type { CheckDefinition } from '../src/check-api';
import { validateConfig } from '../src/config';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { runSteps } from '../src/runner/run';
import { selectSteps } from '../src/runner/select';
import { startSandbox } from '../src/sandbox/sandbox';
import { checkWith } from './support/cli';
import { describeOutcomes, outcomeOf, root } from './support/project';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-announced-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

delete process.env.DBT_PROJECT_DIR;
delete process.env.DBT_PROFILES_DIR;

/** Runs steps against a sandbox reached through its URL alone, as `npm run sandbox` with RUNBOOK_SANDBOX_URL is. */
async function runAgainst(url: string, selection: string[], loadModule: (file: string) => Promise<unknown> = (file) => import(file)) {
  const { runbook } = await loadRunbook(defaultLayout(root));
  return runSteps({ root, config: validateConfig(projectConfig), steps: selectSteps(runbook, selection), scenarios: [], selection, environment: 'sandbox', sandboxUrl: url, loadModule });
}


describe('configuration the sandbox announces is found however the sandbox is reached', { timeout: 120_000 }, () => {
  // Before: every 3.4 step skipped "not configured" and the run exited 0 on a world whose dbt test fails.
  it('a sandbox reached through its URL alone gives the dbt checks its project: 3.4.1 fails in dbt-unique-test-fail', async () => {
    const sandbox = await startSandbox({ world: 'dbt-unique-test-fail' });
    try {
      const report = await runAgainst(sandbox.url, ['3.4.1', '3.4.2']);
      expect(outcomeOf(report, '3.4.1').status, describeOutcomes(report)).toBe('fail');
      expect(outcomeOf(report, '3.4.1').summary).toMatch(/unique_fct_reviews_review_id/);
      expect(report.results.some((r) => /not configured/.test(r.summary))).toBe(false);
      const run = await checkWith(['3.4.1', '--no-save'], { env: { RUNBOOK_SANDBOX_URL: sandbox.url } });
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(1);
      expect(run.stdout).toMatch(/FAIL\s+3\.4\.1/);
    } finally {
      await sandbox.stop();
    }
  });

  it('a RUNBOOK_SANDBOX_URL where no sandbox answers is a request error (exit 2) that says what to do', async () => {
    const run = await checkWith(['3.4.1', '--no-save'], { env: { RUNBOOK_SANDBOX_URL: 'http://127.0.0.1:9' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/RUNBOOK_SANDBOX_URL=http:\/\/127\.0\.0\.1:9 does not answer as a sandbox .*start one with npm run sandbox/);
  });

  // Before: 3.5.k2 failed "no profiles.yml" in the vanished fixture folder: a platform failure made up from nothing.
  it('a sandbox that stops while a check runs makes the dbt check an error, never a failure about the platform', async () => {
    const sandbox = await startSandbox({ world: 'healthy' });
    let stopped = false;
    const stopFirst = async (file: string) => {
      const module = (await import(file)) as { default: CheckDefinition };
      const check = module.default;
      if (check.kind !== 'check') return module;
      return { default: { ...check, run: async (ctx: Parameters<typeof check.run>[0]) => {
        if (!stopped) {
          stopped = true;
          await sandbox.stop();
        }
        return check.run(ctx);
      } } };
    };
    const report = await runAgainst(sandbox.url, ['3.5.k2'], stopFirst);
    const outcome = outcomeOf(report, '3.5.k2');
    expect(outcome.status, describeOutcomes(report)).toBe('error');
    expect(outcome.summary).toMatch(/the sandbox's dbt project .* is gone: the sandbox at http:\/\/127\.0\.0\.1:\d+ stopped/);
  });
});

describe('relative paths in runbook.config.ts resolve against the config file, and a missing project is never a platform failure', { timeout: 120_000 }, () => {
  /** A project folder of its own with a real environment whose dbt.projectDir is relative. */
  function projectWith(name: string, projectDir: string): string {
    const dir = path.join(tmp, name);
    mkdirSync(dir, { recursive: true });
    for (const entry of ['docs', 'checks']) symlinkSync(path.join(root, entry), path.join(dir, entry));
    const config = `import { defineConfig } from ${JSON.stringify(path.join(root, 'src', 'config'))};
export default defineConfig({ defaultEnvironment: 'local', environments: { local: { dbt: { projectDir: ${JSON.stringify(projectDir)}, runTests: 'never' } } } });
`;
    writeFileSync(path.join(dir, 'runbook.config.ts'), config);
    return dir;
  }

  it('dbt.projectDir is found next to the config file whatever the working directory', async () => {
    const sandbox = await startSandbox({ world: 'dbt-unique-test-fail' });
    const dir = projectWith('relative', 'analytics-dbt');
    try {
      cpSync(sandbox.environment().DBT_PROJECT_DIR!, path.join(dir, 'analytics-dbt'), { recursive: true });
    } finally {
      await sandbox.stop();
    }
    const run = await checkWith(['3.4.1', '--env', 'local', '--root', dir, '--no-save'], { cwd: os.tmpdir() });
    expect(run.stdout, run.stderr).toMatch(/FAIL\s+3\.4\.1 .*\n.*unique_fct_reviews_review_id/);
    expect(run.code).toBe(1);
  });

  it('a dbt project that is not there is an error naming the path and the setting, not a failure of the platform', async () => {
    const dir = projectWith('missing', '../analytics-dbt-nowhere');
    const run = await checkWith(['3.4.1', '3.5.k2', '--env', 'local', '--root', dir, '--no-save'], { cwd: os.tmpdir() });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(2);
    for (const step of ['3.4.1', '3.5.k2']) {
      expect(run.stdout).toMatch(new RegExp(`ERROR\\s+${step.replace(/\./g, '\\.')} .*\\n.*the dbt project ${path.join(tmp, 'analytics-dbt-nowhere')} does not exist: set dbt\\.projectDir`));
    }
    expect(run.stdout).not.toMatch(/FAIL/);
  });
});
