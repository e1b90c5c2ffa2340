import type { RunbookConfigInput } from './schema';

/** Declares the project configuration in runbook.config.ts, with types for editors. */
export function defineConfig(config: RunbookConfigInput): RunbookConfigInput {
  return config;
}
