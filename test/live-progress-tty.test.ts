import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, describeRun, runCommand } from './support/cli';

/** util-linux `script` runs a command on a pseudo-terminal: the CLI sees a TTY, as in an engineer's shell. */
const scriptPath = '/usr/bin/script';
const suite = existsSync(scriptPath) ? describe.concurrent : describe.skip;

suite('progress on a terminal', { timeout: 300_000 }, () => {
  it('on a TTY, draws each running step and for how long in place, erases it, then prints the report', async () => {
    const run = await runCommand(scriptPath, ['-qec', 'npm run -s check -- 3.3.1 3.3.2 --no-save --no-color', '/dev/null']);
    expect(run.code, describeRun(run)).toBe(0);
    const output = run.stdout.replace(/\r/g, '');
    expect(output).toMatch(/ {2}\S 3\.3\.1 {3}Verify S3 event notifications are enabled {2}\d+\.\ds\n/);
    expect(output).toMatch(/ {2}\d\/2 steps done, [12] running\n/);
    const lastErase = output.lastIndexOf('\u001b[0J');
    const report = output.indexOf('3.3 Snowflake External Table Not Updating (severity: medium)');
    expect(lastErase).toBeGreaterThan(0);
    expect(report).toBeGreaterThan(lastErase);
    expect(output.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed, 0 skipped');
  });

  it('without a TTY, prints plain lines: no progress region, no escape codes on either stream', async () => {
    const run = await check('3.3.1', '--no-save');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/\u001b\[/);
    expect(run.stdout + run.stderr).not.toContain('steps done');
  });
});
