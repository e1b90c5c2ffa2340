import path from 'node:path';
import type { CheckDefinition } from '../check-api';
import { checkIdOf } from '../parser/check-link';

/** A check module that cannot be loaded or does not declare a valid check; names the module. */
export class CheckModuleError extends Error {
  override name = 'CheckModuleError';
  constructor(readonly modulePath: string, problem: string, options?: { cause?: unknown }) {
    super(`${modulePath}: ${problem}`, options);
  }
}

/** Checks that a module's default export is a check whose id equals its file name. */
export function validateCheckExport(modulePath: string, exported: unknown): CheckDefinition {
  const check = exported as Partial<CheckDefinition> | undefined;
  const expectedId = checkIdOf(modulePath);
  if (!check || typeof check !== 'object') throw new CheckModuleError(modulePath, 'expected a default export made with defineCheck({...})');
  if (check.id !== expectedId) throw new CheckModuleError(modulePath, `unexpected id "${String(check.id)}", expected "${expectedId}" (the file name)`);
  if (check.kind === 'check' && typeof check.run !== 'function') throw new CheckModuleError(modulePath, 'a check needs run(ctx)');
  if (check.kind === 'action' && (typeof check.plan !== 'function' || typeof check.precondition !== 'function' || typeof check.apply !== 'function')) {
    throw new CheckModuleError(modulePath, 'an action needs plan(ctx), precondition(ctx, plan) and apply(ctx, plan)');
  }
  if (check.kind !== 'check' && check.kind !== 'action') throw new CheckModuleError(modulePath, `unexpected kind "${String(check.kind)}", expected "check" or "action"`);
  if (!check.title || !check.establishes || !Array.isArray(check.uses)) throw new CheckModuleError(modulePath, 'expected title, establishes and uses');
  return check as CheckDefinition;
}

/** Loads a module by absolute path: `require` under ts-node, the test runner's own `import()` in tests. */
export type ModuleLoader = (absolutePath: string) => unknown;

function loadFailure(modulePath: string, cause: unknown): CheckModuleError {
  return new CheckModuleError(modulePath, `could not load: ${(cause as Error).message}`, { cause });
}

/** Loads the check module at `modulePath` (relative to `root`) with `require` and validates its default export. */
export function loadCheck(root: string, modulePath: string): CheckDefinition {
  let mod: { default?: unknown };
  try {
    mod = require(path.resolve(root, modulePath)) as { default?: unknown };
  } catch (cause) {
    throw loadFailure(modulePath, cause);
  }
  return validateCheckExport(modulePath, mod.default);
}

/** Like `loadCheck`, through a given loader (a test runner's `import()`); without one, `loadCheck` itself. */
export async function importCheck(root: string, modulePath: string, load?: ModuleLoader): Promise<CheckDefinition> {
  if (!load) return loadCheck(root, modulePath);
  let mod: { default?: unknown };
  try {
    mod = (await load(path.resolve(root, modulePath))) as { default?: unknown };
  } catch (cause) {
    throw loadFailure(modulePath, cause);
  }
  return validateCheckExport(modulePath, mod.default);
}
