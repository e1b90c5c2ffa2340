import type { RunbookConfig } from '../../src/config';
import type { Runbook } from '../../src/model';
import { defaultConcurrency } from '../../src/runner/run';
import { criticalPath } from '../../src/sandbox/core/critical-path';
import { summarize } from './measure';
import { runScenario } from './run-scenario';

/** The incident world each scenario is measured in. */
export const scenarioWorlds: Record<string, string> = {
  '3.1': 'glue-corrupt-json',
  '3.2': 'sfn-iam-denied',
  '3.3': 's3-notifications-missing',
  '3.4': 'dbt-unique-test-fail',
  '3.5': 'airflow-dbt-task-failed',
  '3.6': 'terraform-drift',
};

/** One scenario at a fixed latency per call: its wall time against its critical path plus its start-up. */
export interface PaceFigures {
  scenario: string;
  world: string;
  latencyMs: number;
  calls: number;
  criticalPathCalls: number;
  criticalPathMs: number;
  /** The same run without latency: start-up, CPU and everything that is not waiting on a call. */
  startupMs: number;
  wallMs: number;
  /** wall / (1.2 × critical path + start-up): at most 1 meets the target. */
  againstTarget: number;
  sequentialWallMs: number;
  concurrency: number;
}

/** Each scenario at `latencyMs` per call (median of `runs`), without latency, and with one check at a time. */
export async function paceFigures(root: string, config: RunbookConfig, runbook: Runbook, latencyMs = 100, runs = 3): Promise<PaceFigures[]> {
  const latency = [{ effect: { kind: 'latency' as const, ms: latencyMs } }];
  const figures: PaceFigures[] = [];
  for (const [scenario, world] of Object.entries(scenarioWorlds)) {
    const bare = [];
    const slow = [];
    for (let i = 0; i < runs; i++) {
      bare.push((await runScenario(root, config, runbook, scenario, world)).report.durationMs);
      slow.push(await runScenario(root, config, runbook, scenario, world, { faults: latency }));
    }
    const startupMs = summarize(bare).medianMs;
    const median = slow.sort((a, b) => a.report.durationMs - b.report.durationMs)[Math.floor(slow.length / 2)]!;
    const path = criticalPath(median.calls);
    const sequential = await runScenario(root, config, runbook, scenario, world, { faults: latency, concurrency: 1 });
    figures.push({
      scenario,
      world,
      latencyMs,
      calls: median.calls.length,
      criticalPathCalls: path.calls.length,
      criticalPathMs: path.ms,
      startupMs,
      wallMs: median.report.durationMs,
      againstTarget: median.report.durationMs / (1.2 * path.ms + startupMs),
      sequentialWallMs: sequential.report.durationMs,
      concurrency: defaultConcurrency,
    });
  }
  return figures;
}
