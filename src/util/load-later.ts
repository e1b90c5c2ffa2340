/**
 * Loads a project module the first time it is needed: with `require` where the CLI's compile hook reads TypeScript
 * (bin/register.js), synchronously and through its caches; with `import()` under the test runner, which has no such hook.
 */
export async function loadLater<T>(required: () => T, imported: () => Promise<T>): Promise<T> {
  return require.extensions['.ts'] ? required() : await imported();
}
