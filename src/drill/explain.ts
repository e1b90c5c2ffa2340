import type { RunbookConfig } from '../config';
import type { Runbook, RunReport, Step } from '../model';
import { runSteps } from '../runner/run';
import type { Drill } from './catalog';
import type { CurrentDrill } from './state';

/** Where the evidence of an explanation comes from: the drill's own sandbox, or a fresh copy of its world when that is gone. */
export type EvidenceSource = 'drill sandbox' | 'fresh copy of the world';

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
): Promise<{ report: RunReport; source: EvidenceSource }> {
  const { root, config, runbook, steps, drill, state, sandboxRuns } = request;
  if (sandboxRuns) Object.assign(process.env, state.environment);
  else delete process.env.RUNBOOK_SANDBOX_URL;
  const scenarioIds = new Set(steps.map((s) => s.scenarioId));
  const report = await runSteps({
    root,
    config,
    steps,
    scenarios: runbook.scenarios.filter((s) => scenarioIds.has(s.id)).map((s) => ({ id: s.id, title: s.title, severity: s.severity ?? null })),
    selection: steps.map((s) => s.id),
    environment: sandboxEnvironment(config),
    ...(sandboxRuns ? {} : { world: drill.world }),
  });
  return { report, source: sandboxRuns ? 'drill sandbox' : 'fresh copy of the world' };
}
