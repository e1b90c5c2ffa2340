import type { Clock } from '../check-api/context';
import { loadConfig, type RunbookConfig } from '../config';
import type { RunReport, Runbook } from '../model';
import { defaultLayout, loadRunbook } from '../parser/load';
import type { ModuleLoader } from '../catalog/load-check';
import { runSteps } from '../runner/run';
import { reportScenarios, selectSteps } from '../runner/select';

/** The moment the course's healthy pages are run at, so that they read the same on every run. */
export const healthyRunClock: Clock = { now: () => new Date('2026-11-26T09:30:00.000Z') };

/** How the healthy run loads the project: its configuration and check modules (tests load them through the test runner). */
export interface ProjectLoading {
  config?: RunbookConfig;
  loadModule?: ModuleLoader;
}

/** Every scenario's checks against an in-process sandbox on the healthy world, at the fixed clock; `replace` names its run-specific values. */
export async function runHealthyWorld(root: string, loading: ProjectLoading = {}): Promise<{ runbook: Runbook; report: RunReport; replace: (text: string) => string }> {
  const { runbook } = await loadRunbook(defaultLayout(root));
  const steps = selectSteps(runbook, []);
  const replacements: Array<[string, string]> = [];
  // A sandbox named by RUNBOOK_SANDBOX_URL (a drill's, say) holds another world: start the healthy one here.
  delete process.env.RUNBOOK_SANDBOX_URL;
  const report = await runSteps({
    root,
    config: loading.config ?? loadConfig(root),
    steps,
    scenarios: reportScenarios(runbook, steps),
    selection: [],
    environment: 'sandbox',
    world: 'healthy',
    clock: healthyRunClock,
    ...(loading.loadModule ? { loadModule: loading.loadModule } : {}),
    inspectSandbox: (sandbox) => {
      replacements.push([sandbox.url, '$RUNBOOK_SANDBOX_URL']);
      const dbtDir = sandbox.states.dbt.project?.projectDir;
      if (dbtDir) replacements.push([dbtDir, '$DBT_PROJECT_DIR']);
    },
  });
  return { runbook, report, replace: (text) => replacements.reduce((out, [from, to]) => out.replaceAll(from, to), text) };
}
