import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Loads a TypeScript module of the project the way the CLI does (Node's require with ts-node and swc,
 * configured by the root tsconfig.json), not through the jiti loader Docusaurus uses for its config:
 * jiti's `interopDefault` breaks named imports from packages that also have a default export
 * (`import { z } from 'zod'` yields undefined), so the site would run different code than the CLI.
 */
export function requireProjectModule<T>(root: string, modulePath: string): T {
  const nodeRequire = createRequire(path.join(root, 'package.json'));
  const registered = Symbol.for('ts-node.register.instance');
  if (!(process as unknown as Record<symbol, unknown>)[registered]) {
    (nodeRequire('ts-node') as typeof import('ts-node')).register({ projectSearchDir: __dirname });
  }
  return nodeRequire(path.resolve(root, modulePath)) as T;
}
