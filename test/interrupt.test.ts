import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { checkWith, describeRun, runCommand } from './support/cli';
import { tempProject } from './support/temp-project';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-interrupt-'));
let sandbox: Sandbox;
// Step Functions hangs: 3.1 and 3.2 would each wait out the 60 s check timeout, so only the signal can end the run soon.
beforeAll(async () => {
  sandbox = await startSandbox({ world: 'glue-corrupt-json', faults: [{ service: 'sfn', effect: { kind: 'hang' } }] });
});
afterAll(async () => {
  await sandbox?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** A project root of its own (the runbook copied, the real config and checks linked in), so what the run saves lands in a temporary folder. */
const project = (name: string): string => tempProject(tmp, name);

/** The processes whose environment carries `marker`: the CLI and anything it started, wherever they were reparented. */
function processesMarked(marker: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker)) found.push(Number(pid));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Runs 3.1 and 3.2 and sends `signals` 2 s after the checks have begun (a service call has been printed), 400 ms apart. */
async function interrupted(name: string, signals: NodeJS.Signals[]) {
  const dir = project(name);
  const marker = `RUNBOOK_INTERRUPT_TEST=${randomUUID()}`;
  const [key, value] = marker.split('=') as [string, string];
  let sentAt = 0;
  const onChild = (child: ChildProcess) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (sentAt || !/\] (s3|glue|logs|snowflake|iam)/i.test(seen)) return;
      sentAt = -1;
      // Some checks finish meanwhile (those that need no Step Functions); the second signal of a pair comes apart from the first.
      setTimeout(() => {
        sentAt = Date.now();
        signals.forEach((signal, index) => setTimeout(() => child.kill(signal), index * 400));
      }, 2_000);
    });
  };
  const run = await checkWith(['3.1', '3.2', '--root', dir, '--verbose', '--reporter', 'terminal,json', '--output-dir', path.join(dir, 'out')], {
    env: { RUNBOOK_SANDBOX_URL: sandbox.url, [key]: value },
    guardMs: 25_000, // far below the 60 s a hung check waits: a run that ignored the signal is killed here and fails
    onChild,
  });
  return { run, dir, stoppedInMs: Date.now() - sentAt, leftBehind: processesMarked(marker) };
}

describe('Ctrl-C and SIGTERM stop a run that hangs, and lose nothing', { timeout: 60_000 }, () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: exits %d soon, with the report, the history and no process left', async (signal, code) => {
    const { run, dir, stoppedInMs, leftBehind } = await interrupted(signal.toLowerCase(), [signal]);
    console.info(`${signal}: the run ended ${stoppedInMs} ms after the signal`);
    expect(run.code, describeRun(run)).toBe(code);
    expect(run.stderr).toContain(`${signal}: stopping the checks`);
    const report = JSON.parse(readFileSync(path.join(dir, 'out', 'results.json'), 'utf8')) as { results: Array<{ step: string; status: string; summary: string }> };
    const cut = report.results.filter((r) => /interrupted/.test(r.summary));
    expect(cut.length, JSON.stringify(report.results, null, 1)).toBeGreaterThan(0);
    for (const result of cut) expect(result.status, result.step).toBe('error');
    expect(report.results.some((r) => r.status === 'pass' || r.status === 'fail')).toBe(true); // what finished keeps its verdict
    expect(readdirSync(path.join(dir, '.runbook', 'results', 'runs'))).toHaveLength(1);
    expect(run.stdout).toMatch(/ERROR\s+3\.\d/);
    expect(leftBehind).toEqual([]);
  });

});

describe('npm run sandbox stops when npm is sent SIGTERM, not only its node process', { timeout: 120_000 }, () => {
  it('leaves no sandbox process behind', async () => {
    const marker = `RUNBOOK_INTERRUPT_TEST=${randomUUID()}`;
    const [key, value] = marker.split('=') as [string, string];
    let up = false;
    const onChild = (child: ChildProcess) => {
      let seen = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (up || !/^RUNBOOK_SANDBOX_URL=/m.test(seen)) return;
        up = true;
        child.kill('SIGTERM'); // npm's own process: before the fix it ended its shell and left the sandbox running
      });
    };
    const run = await runCommand('npm', ['run', '-s', 'sandbox', '--', '--world', 'healthy'], { env: { [key]: value }, guardMs: 60_000, onChild });
    expect(up, describeRun(run)).toBe(true);
    let left = processesMarked(marker);
    for (let waited = 0; left.length > 0 && waited < 5_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      left = processesMarked(marker);
    }
    expect(left).toEqual([]);
  });
});
