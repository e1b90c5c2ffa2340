import path from 'node:path';
import projectConfig from '../../runbook.config';
import { validateConfig } from '../../src/config';
import type { RunReport } from '../../src/model';
import { defaultLayout, loadRunbook } from '../../src/parser/load';
import { runSteps, type RunRequest } from '../../src/runner/run';
import { selectSteps } from '../../src/runner/select';

/** The project root, for tests that use the real runbook, config and checks. */
export const root = path.resolve(__dirname, '..', '..');

/** What a test may add to a run in a world: --fix, parameters, sandbox faults and caller policy, and the run's observers. */
export type WorldRunOptions = Partial<Pick<RunRequest, 'fix' | 'params' | 'inspectSandbox' | 'progress' | 'onServiceCall' | 'sandboxFaults' | 'sandboxCallerPolicy' | 'sandboxUrl' | 'config' | 'concurrency' | 'deadlineSeconds'>>;

/**
 * Runs the real runbook's selection against the sandbox in a world, in-process, as the CLI would. With `sandboxUrl`
 * the run uses that sandbox (already loaded with the world) instead of starting one: tests that run many times share it.
 */
export async function runInWorld(world: string, selection: string[], options: WorldRunOptions = {}): Promise<RunReport> {
  const { runbook } = await loadRunbook(defaultLayout(root));
  const steps = selectSteps(runbook, selection);
  const ids = new Set(steps.map((s) => s.scenarioId));
  return runSteps({
    root,
    config: options.config ?? validateConfig(projectConfig),
    steps,
    scenarios: runbook.scenarios.filter((s) => ids.has(s.id)).map((s) => ({ id: s.id, title: s.title, severity: s.severity ?? null })),
    selection,
    environment: 'sandbox',
    ...(options.sandboxUrl ? {} : { world }),
    loadModule: (file) => import(file),
    ...options,
    fix: options.fix ?? false,
    params: options.params ?? {},
  });
}

/** The outcome of one step of a report (it must be there). */
export function outcomeOf(report: RunReport, step: string) {
  const found = report.results.find((r) => r.step === step);
  if (!found) throw new Error(`no outcome for ${step}:\n${describeOutcomes(report)}`);
  return found;
}

/** `step status: summary` lines, for assertion messages that show what happened. */
export function describeOutcomes(report: RunReport): string {
  return report.results.map((r) => `${r.step} ${r.status}: ${r.summary}`).join('\n');
}
