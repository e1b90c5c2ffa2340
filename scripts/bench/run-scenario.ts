import type { RunbookConfig } from '../../src/config';
import type { RunReport, Runbook } from '../../src/model';
import { runSteps } from '../../src/runner/run';
import { selectSteps } from '../../src/runner/select';
import type { CallRecord } from '../../src/sandbox/core/call-log';
import type { FaultSpec } from '../../src/sandbox/faults/schema';

/** A scenario run in-process against a sandbox world: its report and the sandbox's call log. */
export interface ScenarioRun {
  report: RunReport;
  calls: CallRecord[];
}

/** Runs one scenario against a world as the CLI does, optionally with faults (latency) and a concurrency. */
export async function runScenario(
  root: string,
  config: RunbookConfig,
  runbook: Runbook,
  scenario: string,
  world: string,
  options: { faults?: FaultSpec[]; concurrency?: number } = {},
): Promise<ScenarioRun> {
  let calls: CallRecord[] = [];
  const report = await runSteps({
    root,
    config,
    steps: selectSteps(runbook, [scenario]),
    scenarios: [],
    selection: [scenario],
    environment: 'sandbox',
    world,
    ...(options.faults ? { sandboxFaults: options.faults } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    inspectSandbox: (sandbox) => (calls = sandbox.calls.all()),
  });
  return { report, calls };
}

/** The calls and response bytes of a call log (the control endpoint left out). */
export function callCost(calls: readonly CallRecord[]): { calls: number; bytes: number } {
  const served = calls.filter((call) => call.service !== 'control');
  return { calls: served.length, bytes: served.reduce((sum, call) => sum + call.bytesOut, 0) };
}
