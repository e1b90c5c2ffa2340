import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { root } from '../project';

/** The real artifacts other projects wrote, beside the project (`../shared/real`); absent in a user's clone. */
export const realDir = path.resolve(root, '..', 'shared', 'real');

/** The real OpenAPI documents the contract tests read, by role. */
export const realSpecFiles = {
  airflowV1: path.join(realDir, 'airflow', 'airflow2_v1_full_2.10.0.yaml'),
  airflowV2: path.join(realDir, 'airflow', 'airflow3_v2_full.yaml'),
  githubRunsJobs: path.join(realDir, 'github_actions', 'gh_openapi_actions_runs_jobs_trimmed.json'),
} as const;

/** Why a contract test is skipped, or null when every real spec it needs is there. */
export function missingSpecs(...files: string[]): string | null {
  const missing = files.filter((file) => !existsSync(file));
  return missing.length ? `skipped: ${missing.map((f) => path.relative(path.dirname(realDir), f)).join(', ')} absent (the real specs live in ../shared/real beside the project)` : null;
}

/** Reads an OpenAPI document in YAML or JSON. */
export function readSpec(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  return (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as Record<string, unknown>;
}
