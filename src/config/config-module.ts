import path from 'node:path';
import { ConfigError } from './config-error';

/** The configuration module of a project root as it exports it (not yet validated), and where it is. */
export function readConfigModule(root: string, file: string): { full: string; loaded: unknown } {
  const full = path.resolve(root, file);
  try {
    // The config is TypeScript; the CLI loads it through its compile hook, tests through vitest.
    const mod = require(full) as { default?: unknown };
    return { full, loaded: mod.default ?? mod };
  } catch (cause) {
    throw new ConfigError(file, [`could not load: ${(cause as Error).message}`], { cause });
  }
}
