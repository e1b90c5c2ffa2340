import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The folder of the project's own code (where src/ and node_modules/ are), whichever project root a run reads. */
const projectCodeRoot = path.resolve(__dirname, '..', '..');

/** The relative imports of a TypeScript module's text (`./x`, `../model`), type-only ones included. */
function relativeImports(text: string): string[] {
  return [...text.matchAll(/\bfrom\s+'(\.{1,2}\/[^']*|\.{1,2})'/g)].map((match) => match[1]!);
}

/** The file a relative import names: `x.ts`, or `x/index.ts` for a folder. */
function resolveImport(codeRoot: string, fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`${path.relative(codeRoot, fromFile)} imports "${specifier}": expected ${path.relative(codeRoot, base)}.ts or ${path.relative(codeRoot, base)}/index.ts`);
}

/**
 * A hash of the code a module runs: the text of every project module reachable from `entry` (relative to the code
 * root, `src/parser/index.ts`) by relative imports, and the installed packages (npm's records of node_modules, by
 * size and time). Any edit to that code, or an upgraded package, gives another hash, so nothing cached from what the
 * code made is used again. `codeRoot` is the project's own code unless a test gives a copy.
 */
export function codeFingerprint(entry: string, codeRoot = projectCodeRoot): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const pending = [path.join(codeRoot, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    hash.update(`${path.relative(codeRoot, file)}\0${text}\0`);
    pending.push(...relativeImports(text).map((specifier) => resolveImport(codeRoot, file, specifier)));
  }
  for (const record of ['node_modules/.package-lock.json', 'package-lock.json']) {
    try {
      // Its size and time, not its text: npm rewrites it on every install, and reading 1.5 MB would cost every start-up.
      const { size, mtimeMs } = statSync(path.join(codeRoot, record));
      hash.update(`${record}\0${size}\0${mtimeMs}\0`);
    } catch {
      hash.update(`${record}\0missing\0`);
    }
  }
  return hash.digest('hex');
}
