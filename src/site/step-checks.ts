import type { CheckDefinition } from '../check-api';
import type { Diagnostic, Runbook, Step } from '../model';
import { defaultLayout, listCheckModules } from '../parser/load';
import { findCheckLinkProblems } from '../parser/validate';

/** Loads a check module's definition; the catalog's `loadCheck` unless a test gives another. */
export type CheckLoader = (root: string, modulePath: string) => CheckDefinition;

/** The check definitions of a document's steps, and the problems met while resolving them. */
export interface StepChecks {
  checkOf: Map<Step, CheckDefinition>;
  diagnostics: Diagnostic[];
}

/**
 * Resolves every linked check of `steps` against the modules under `root`: a link to a missing module
 * is the parser's `missing-check` error, a module that does not load or validate is `invalid-check`.
 */
export async function resolveStepChecks(steps: readonly Step[], file: string, root: string, load: CheckLoader): Promise<StepChecks> {
  const modules = await listCheckModules(defaultLayout(root));
  const runbook: Runbook = { files: [file], scenarios: [{ id: file, title: file, steps: [...steps], position: { file, line: 1, column: 1 } }] };
  const diagnostics = findCheckLinkProblems(runbook, modules).filter((problem) => problem.rule === 'missing-check');
  const known = new Set(modules);
  const checkOf = new Map<Step, CheckDefinition>();
  for (const step of steps) {
    if (!step.check || !known.has(step.check.modulePath)) continue;
    try {
      checkOf.set(step, load(root, step.check.modulePath));
    } catch (error) {
      diagnostics.push({
        severity: 'error',
        rule: 'invalid-check',
        message: `Unexpected check module for step ${step.id}: ${(error as Error).message}`,
        position: step.check.position,
      });
    }
  }
  return { checkOf, diagnostics };
}
