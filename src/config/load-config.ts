import path from 'node:path';
import { ConfigError } from './config-error';
import { readConfigModule } from './config-module';
import { resolveConfigPaths } from './resolve-paths';
import { configSchema, type RunbookConfig } from './schema';

export { ConfigError };

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

/** The configuration a module exported, validated, with its relative paths resolved from the module's folder. */
export function configFromModule({ full, loaded }: { full: string; loaded: unknown }, file: string): RunbookConfig {
  return resolveConfigPaths(validateConfig(loaded, file), path.dirname(full));
}

/** Loads and validates `runbook.config.ts` (or another module) from the project root; relative paths in it resolve from its folder. */
export function loadConfig(root: string, file = 'runbook.config.ts'): RunbookConfig {
  return configFromModule(readConfigModule(root, file), file);
}
