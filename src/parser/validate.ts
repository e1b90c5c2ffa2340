import { allSteps, type Diagnostic, type Runbook } from '../model';

/** Finds duplicate scenario and step ids across every document of the runbook. */
export function findDuplicateIds(runbook: Runbook): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, { position: Diagnostic['position'] }>();
  const nodes = [...runbook.scenarios, ...allSteps(runbook)];
  for (const node of nodes) {
    const first = seen.get(node.id);
    if (first) {
      diagnostics.push({
        severity: 'error',
        rule: 'duplicate-id',
        message: `Duplicate id ${node.id}, expected each scenario and step id once`,
        position: node.position,
        related: { message: `${node.id} first defined here`, position: first.position },
      });
    } else {
      seen.set(node.id, node);
    }
  }
  return diagnostics;
}

/**
 * Compares check links with the check modules on disk: a link to a module that does not exist,
 * and a module no step links to, are both errors.
 */
export function findCheckLinkProblems(runbook: Runbook, checkModules: readonly string[], checksDir = 'checks'): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const known = new Set(checkModules);
  const used = new Set<string>();
  for (const step of allSteps(runbook)) {
    if (!step.check) continue;
    used.add(step.check.modulePath);
    if (!known.has(step.check.modulePath)) {
      diagnostics.push({
        severity: 'error',
        rule: 'missing-check',
        message: `Unexpected link to ${step.check.modulePath} in step ${step.id}: no such check module, expected one of ${listChecks(checkModules)}`,
        position: step.check.position,
      });
    }
  }
  const fallback = { file: runbook.files[0] ?? 'docs', line: 1, column: 1 };
  for (const modulePath of checkModules) {
    if (used.has(modulePath)) continue;
    diagnostics.push({
      severity: 'error',
      rule: 'unused-check',
      message: `Check ${modulePath} is not linked from any step: link it from a step in docs/ or delete it`,
      position: { ...fallback, file: modulePath.startsWith(checksDir) ? modulePath : fallback.file },
    });
  }
  return diagnostics;
}

function listChecks(checkModules: readonly string[]): string {
  if (checkModules.length === 0) return '(no check modules found)';
  const shown = checkModules.slice(0, 12).join(', ');
  return checkModules.length > 12 ? `${shown}, …` : shown;
}
