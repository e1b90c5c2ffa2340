import { z } from 'zod';
import { artifactVersion, MalformedArtifactError } from './schema-version';

/** Every status dbt writes for a node result, across schema versions. */
export const nodeStatuses = ['success', 'error', 'skipped', 'pass', 'fail', 'warn', 'partial success', 'no-op', 'runtime error'] as const;
/** A node result's status. */
export type NodeStatus = (typeof nodeStatuses)[number];

const timingSchema = z.object({ name: z.string(), started_at: z.string().nullish(), completed_at: z.string().nullish() });

const resultSchema = z.object({
  unique_id: z.string(),
  status: z.string(),
  message: z.string().nullish(),
  failures: z.number().nullish(),
  execution_time: z.number().nullish(),
  timing: z.array(timingSchema).default([]),
  compiled_code: z.string().nullish(),
  relation_name: z.string().nullish(),
});

const runResultsSchema = z.object({
  metadata: z.object({ dbt_version: z.string().nullish(), generated_at: z.string(), invocation_started_at: z.string().nullish() }),
  results: z.array(resultSchema),
  elapsed_time: z.number().nullish(),
  args: z.record(z.string(), z.unknown()).default({}),
});

/** One node's outcome in a dbt invocation. */
export interface NodeResult {
  uniqueId: string;
  /** A status dbt documents, or the raw text of one this parser does not know. */
  status: NodeStatus | `unknown:${string}`;
  message: string | null;
  /** Rows a test returned: null for models, 0 for a passing test. */
  failures: number | null;
  executionSeconds: number | null;
  startedAt: string | null;
  completedAt: string | null;
  compiledCode: string | null;
}

/** A parsed run_results.json, whatever schema version wrote it. */
export interface RunResults {
  schemaVersion: number;
  dbtVersion: string | null;
  generatedAt: string;
  /** The dbt command (`test`, `build`, `run`) from `args.which`, when recorded. */
  command: string | null;
  results: NodeResult[];
}

const knownStatus = (status: string): NodeResult['status'] => ((nodeStatuses as readonly string[]).includes(status) ? (status as NodeStatus) : `unknown:${status}`);

/** Parses run_results.json of schema v2 to v6; an unknown version or shape raises a typed error. */
export function parseRunResults(document: unknown): RunResults {
  const schemaVersion = artifactVersion('run-results', document);
  const parsed = runResultsSchema.safeParse(document);
  if (!parsed.success) {
    throw new MalformedArtifactError('run-results', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; '));
  }
  const { metadata, results, args } = parsed.data;
  return {
    schemaVersion,
    dbtVersion: metadata.dbt_version ?? null,
    generatedAt: metadata.generated_at,
    command: typeof args.which === 'string' ? args.which : null,
    results: results.map((result) => ({
      uniqueId: result.unique_id,
      status: knownStatus(result.status),
      message: result.message ?? null,
      failures: result.failures ?? null,
      executionSeconds: result.execution_time ?? null,
      startedAt: result.timing[0]?.started_at ?? null,
      completedAt: result.timing.at(-1)?.completed_at ?? null,
      compiledCode: result.compiled_code ?? null,
    })),
  };
}

/** Statuses that mean the node did not do its job: a failing or erroring test, an erroring model. */
export const problemStatuses: ReadonlySet<string> = new Set(['fail', 'error', 'runtime error', 'partial success']);

/** True when a result is a problem (fail, error, runtime error, partial success, or a status this parser does not know). */
export function isProblem(result: NodeResult): boolean {
  return problemStatuses.has(result.status) || result.status.startsWith('unknown:');
}
