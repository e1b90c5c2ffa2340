import path from 'node:path';
import { resolveConfigPaths } from './resolve-paths';
import { configSchema, type RunbookConfig } from './schema';

/** A configuration file that could not be read or does not fit the schema; `problems` name each key. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(`${file}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
  }
}

/** Validates a configuration object, naming every offending key (`environments.prod.aws.region: …`). */
export function validateConfig(input: unknown, file = 'runbook.config.ts'): RunbookConfig {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const config = parsed.data;
  if (!config.environments[config.defaultEnvironment]) {
    throw new ConfigError(file, [
      `defaultEnvironment: unknown environment "${config.defaultEnvironment}", expected one of ${Object.keys(config.environments).join(', ')}`,
    ]);
  }
  return config;
}

/** Loads and validates `runbook.config.ts` (or another module) from the project root; relative paths in it resolve from its folder. */
export function loadConfig(root: string, file = 'runbook.config.ts'): RunbookConfig {
  const full = path.resolve(root, file);
  let loaded: unknown;
  try {
    // The config is TypeScript; the CLI runs under ts-node and tests under vitest, both of which load it.
    const mod = require(full) as { default?: unknown };
    loaded = mod.default ?? mod;
  } catch (cause) {
    throw new ConfigError(file, [`could not load: ${(cause as Error).message}`], { cause });
  }
  return resolveConfigPaths(validateConfig(loaded, file), path.dirname(full));
}

