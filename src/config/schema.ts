import { z } from 'zod';
import { airflowSchema } from './areas/airflow';
import { awsSchema } from './areas/aws';
import { dbtSchema } from './areas/dbt';
import { externalTablesSchema } from './areas/external-tables';
import { githubSchema } from './areas/github';
import { monitoringSchema } from './areas/monitoring';
import { pipelineSchema } from './areas/pipeline';
import { practicesSchema } from './areas/practices';
import { rawInputSchema } from './areas/raw-input';
import { resultsSchema } from './areas/results';
import { retryOverrideSchema, retrySchema } from './areas/retry';
import { snowflakeSchema } from './areas/snowflake';
import { terraformSchema } from './areas/terraform';

/** One environment: where its services are and which resources the checks look at. Every area is optional. */
export const environmentSchema = z.strictObject({
  description: z.string().optional(),
  /** Present on the embedded sandbox: the world it starts with. */
  sandbox: z.strictObject({ world: z.string().min(1).default('healthy') }).optional(),
  /** This environment's retry settings, over the project's `retry` (the sandbox waits less). */
  retry: retryOverrideSchema.optional(),
  aws: awsSchema.optional(),
  snowflake: snowflakeSchema.optional(),
  externalTables: externalTablesSchema.optional(),
  dbt: dbtSchema.optional(),
  airflow: airflowSchema.optional(),
  github: githubSchema.optional(),
  terraform: terraformSchema.optional(),
  pipeline: pipelineSchema.optional(),
  monitoring: monitoringSchema.optional(),
  rawInput: rawInputSchema.optional(),
  /** Sections 5 and 6: the roles, resources, jobs and tasks the posture checks judge. */
  practices: practicesSchema.optional(),
});

/** The project configuration: environments by name, and the default one. */
export const configSchema = z.strictObject({
  defaultEnvironment: z.string().min(1).default('sandbox'),
  /** Seconds before one check is abandoned and reported as an error. */
  checkTimeoutSeconds: z.number().positive().default(60),
  /** Seconds the whole run may take: checks not finished by then are errors, and the report is still written. */
  runDeadlineSeconds: z.number().positive().optional(),
  /** How the clients retry transient failures (throttling, 5xx, resets, cut-short bodies) with backoff and jitter. */
  retry: retrySchema.default({ attempts: 3, baseMs: 200, maxDelayMs: 5_000 }),
  /** The results store every run is saved to (unless `--no-save`): its retention. */
  results: resultsSchema.default({ keepRuns: 500 }),
  environments: z.record(z.string().regex(/^[a-z][\w-]*$/, 'expected a lower-case name'), environmentSchema),
});

/** A validated environment. */
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
/** A validated project configuration. */
export type RunbookConfig = z.infer<typeof configSchema>;
/** The configuration as written in runbook.config.ts, before defaults are applied. */
export type RunbookConfigInput = z.input<typeof configSchema>;
