import path from 'node:path';
import { CheckModuleError, importCheck, type ModuleLoader } from '../catalog/load-check';
import { readCheckStatically } from '../catalog/read-check-statically';
import { allSteps, compareDiagnostics, formatDiagnostic, type Diagnostic, type Runbook } from '../model';
import { defaultLayout, listCheckModules, loadRunbook } from '../parser/load';
import type { CommandIo } from './check-command';
import { exitCodes } from './options';

/** How the lint command loads check modules: `require` under ts-node (the default), the test runner's `import()` in tests. */
export interface LintOptions {
  loadModule?: ModuleLoader;
}

const usage = 'Usage: npm run lint:runbook -- [--root <dir>]\nChecks docs/*.md and the check modules they link to; exit 0 clean, 1 errors, 2 bad usage.\n';

/** A module's problem, read from its text; only a module of a shape the static reader does not know is loaded. */
async function checkModuleProblem(root: string, modulePath: string, options: LintOptions): Promise<CheckModuleError | null> {
  const reading = readCheckStatically(root, modulePath);
  if (reading.kind === 'sound') return null;
  if (reading.kind === 'problem') return reading.error;
  try {
    await importCheck(root, modulePath, options.loadModule);
    return null;
  } catch (error) {
    return error instanceof CheckModuleError ? error : new CheckModuleError(modulePath, String(error), { cause: error });
  }
}

/** Reads every linked check module once and reports, at each link to it, a module that cannot run. */
export async function findCheckModuleProblems(root: string, runbook: Runbook, existing: readonly string[], options: LintOptions = {}): Promise<Diagnostic[]> {
  const known = new Set(existing);
  const loaded = new Map<string, CheckModuleError | null>();
  const diagnostics: Diagnostic[] = [];
  for (const step of allSteps(runbook)) {
    const ref = step.check;
    if (!ref || !known.has(ref.modulePath)) continue;
    if (!loaded.has(ref.modulePath)) loaded.set(ref.modulePath, await checkModuleProblem(root, ref.modulePath, options));
    const problem = loaded.get(ref.modulePath);
    if (problem) {
      diagnostics.push({
        severity: 'error',
        rule: 'check-module',
        message: `Unexpected check module for step ${step.id}: ${problem.message.split('\n')[0]}`,
        position: ref.position,
      });
    }
  }
  return diagnostics;
}

/** The closing line of the lint output: what was checked and how many problems were found. */
export function lintSummary(runbook: Runbook, diagnostics: readonly Diagnostic[]): string {
  const steps = allSteps(runbook);
  const linked = steps.filter((s) => s.check).length;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const checked = `${runbook.files.length} document${runbook.files.length === 1 ? '' : 's'}, ${runbook.scenarios.length} scenarios, ${steps.length} steps, ${linked} linked checks`;
  return `${checked}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** Runs `npm run lint:runbook`: prints every diagnostic as `file:line:column: severity: message [rule]`, then a summary; returns the exit code. */
export async function runLintCommand(argv: readonly string[], defaultRoot: string, io: Pick<CommandIo, 'out' | 'err'>, options: LintOptions = {}): Promise<number> {
  let root = defaultRoot;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      io.out(usage);
      return exitCodes.ok;
    }
    if (arg === '--root' && argv[i + 1]) root = path.resolve(argv[++i]!);
    else {
      io.err(`Unexpected argument "${arg}", expected --root <dir>\n${usage}`);
      return exitCodes.unusable;
    }
  }
  const layout = defaultLayout(root);
  const { runbook, diagnostics } = await loadRunbook(layout);
  const all = [...diagnostics, ...(await findCheckModuleProblems(root, runbook, await listCheckModules(layout), options))].sort(compareDiagnostics);
  for (const diagnostic of all) io.out(`${formatDiagnostic(diagnostic)}\n`);
  io.out(`${lintSummary(runbook, all)}\n`);
  return all.some((d) => d.severity === 'error') ? exitCodes.failed : exitCodes.ok;
}
