import path from 'node:path';
import type { RunbookConfig } from './schema';

/** Resolves the relative paths of a configuration (each environment's dbt.projectDir) against the folder of its file. */
export function resolveConfigPaths(config: RunbookConfig, configDir: string): RunbookConfig {
  const environments = Object.fromEntries(
    Object.entries(config.environments).map(([name, environment]) => {
      const projectDir = environment.dbt?.projectDir;
      if (!environment.dbt || !projectDir || path.isAbsolute(projectDir)) return [name, environment];
      return [name, { ...environment, dbt: { ...environment.dbt, projectDir: path.resolve(configDir, projectDir) } }];
    }),
  );
  return { ...config, environments };
}
