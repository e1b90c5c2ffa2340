import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, runCommand } from './support/cli';
import { root } from './support/project';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-compose-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The README's shell lines that pipe the CLI's output into jq, as written (comments dropped). */
const pipedCommands = readFileSync(path.join(root, 'README.md'), 'utf8')
  .split('\n')
  .filter((line) => /^(npm|npx) .*\| jq /.test(line))
  .map((line) => line.replace(/\s+#.*$/, '').trim());

describe.concurrent('a CLI that composes', { timeout: 300_000 }, () => {
  it('the README pipes the JSON document into jq in four documented ways', () => {
    expect(pipedCommands).toEqual([
      'npm run -s check -- 3.3 --json | jq .version',
      'npx runbook check 3.3 --json | jq .totals',
      "npm run -s check -- triage --json | jq '.ranking[0].scenario'",
      `npm run -s check -- history --env prod --json | jq '[.steps[] | select(.status == "fail")]'`,
    ]);
  });

  it.each(pipedCommands)('%s works as written: jq reads nothing but JSON', async (command) => {
    // --offline: npx must find the package's own bin, never ask a registry. A cache of its own: npx keeps a link to the
    // project per path in its cache, and one left by an earlier clone at the same path (since deleted) broke every later npx there.
    const cache = mkdtempSync(path.join(tmp, 'npm-cache-'));
    const run = await runCommand('sh', ['-c', command], { env: { npm_config_offline: 'true', npm_config_cache: cache } });
    expect(run.code, describeRun(run)).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    if (command.includes('.version')) expect(run.stdout).toBe('1\n');
    if (command.includes('.totals')) expect(JSON.parse(run.stdout)).toMatchObject({ fail: 0, error: 0, pass: 5 });
    if (command.includes('.ranking')) expect(run.stdout).toBe('null\n');
    if (command.includes('history')) expect(Array.isArray(JSON.parse(run.stdout))).toBe(true); // the failing steps of prod's runs in this checkout's store
  });

  it("the bin runs whatever the package's check script runs, passing every argument through unchanged", async () => {
    const project = path.join(tmp, 'repointed');
    mkdirSync(path.join(project, 'bin'), { recursive: true });
    copyFileSync(path.join(root, 'bin', 'runbook.js'), path.join(project, 'bin', 'runbook.js'));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ scripts: { check: `node -e "console.log(JSON.stringify(process.argv.slice(1)))"` } }));
    const run = await runCommand('node', [path.join(project, 'bin', 'runbook.js'), 'check', '3.3', 'two words', "it's", '$HOME', '--json']);
    expect(run.code, describeRun(run)).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(['3.3', 'two words', "it's", '$HOME', '--json']);
  });

  it('the bin rejects an unknown subcommand with the valid ones, exit 2', async () => {
    const run = await runCommand('node', [path.join(root, 'bin', 'runbook.js'), 'chek', '3.3']);
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('Unexpected subcommand "chek", expected one of: check, lint, sandbox');
  });
});
