import type { RunbookConfig } from '../config';
import type { Runbook, RunReport, Step } from '../model';
import { runSteps } from '../runner/run';
import { reportScenarios } from '../runner/select';
import type { Drill } from './catalog';
import type { CurrentDrill } from './state';

function sandboxEnvironment(config: RunbookConfig): string {
  if (config.environments[config.defaultEnvironment]?.sandbox) return config.defaultEnvironment;
  return Object.entries(config.environments).find(([, env]) => env.sandbox)?.[0] ?? config.defaultEnvironment;
}

/**
 * Runs the checks of the given steps as the trainee would have: against the drill's sandbox when it runs
 * (its settings applied to this process, as `. ENV_FILE` does in a shell), else against a fresh copy of
 * the drill's world started in this process.
 */
export async function gatherEvidence(
  request: { root: string; config: RunbookConfig; runbook: Runbook; steps: Step[]; drill: Drill; state: CurrentDrill; sandboxRuns: boolean },
): Promise<RunReport> {
  const { root, config, runbook, steps, drill, state, sandboxRuns } = request;
  if (sandboxRuns) Object.assign(process.env, state.environment);
  else delete process.env.RUNBOOK_SANDBOX_URL;
  return runSteps({
    root,
    config,
    steps,
    scenarios: reportScenarios(runbook, steps),
    selection: steps.map((s) => s.id),
    environment: sandboxEnvironment(config),
    ...(sandboxRuns ? {} : { world: drill.world }),
  });
}
