import { z } from 'zod';

const resultSchema = z.strictObject({
  status: z.enum(['success', 'error', 'skipped', 'pass', 'fail', 'warn']),
  message: z.string().nullable().default(null),
  failures: z.number().int().nullable().default(null),
});

const modelSchema = z.strictObject({
  /** Folder under models/ (`staging`, `marts`). */
  folder: z.string(),
  schema: z.string(),
  materialized: z.enum(['view', 'table', 'incremental']).default('view'),
  /** An incremental model's `unique_key`: the column (or columns) a re-run merges on. */
  uniqueKey: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** An incremental model's `incremental_strategy` (`merge`, `append`, `insert_overwrite`, `microbatch`). */
  incrementalStrategy: z.string().min(1).optional(),
  refs: z.array(z.string()).default([]),
  /** Sources it selects from, as `source_name.table`. */
  sources: z.array(z.string()).default([]),
  sql: z.string(),
  /** Its outcome in the recorded invocation; absent when it did not run. */
  result: resultSchema.optional(),
});

const testSchema = z.strictObject({
  model: z.string(),
  test: z.enum(['unique', 'not_null', 'relationships', 'accepted_values']),
  column: z.string(),
  /** For relationships: the model and field referenced. */
  to: z.string().optional(),
  field: z.string().optional(),
  values: z.array(z.string()).optional(),
  result: resultSchema.optional(),
});

const sourceSchema = z.strictObject({
  database: z.string(),
  schema: z.string(),
  identifier: z.string(),
  loadedAtField: z.string(),
  warnAfterHours: z.number().positive(),
  errorAfterHours: z.number().positive(),
});

/** The dbt section of a world: a compact description of the project, from which realistic artifacts are written. */
export const dbtSectionSchema = z.strictObject({
  project: z.string().regex(/^\w+$/),
  profile: z.string().regex(/^\w+$/),
  /** profiles.yml, written as YAML as given (env_var() templates stay templates). */
  profiles: z.record(z.string(), z.unknown()),
  invocation: z.strictObject({
    command: z.enum(['build', 'test', 'run']),
    dbtVersion: z.string().default('1.10.9'),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
  }),
  sources: z.record(z.string().regex(/^\w+\.\w+$/), sourceSchema).default({}),
  models: z.record(z.string().regex(/^\w+$/), modelSchema),
  tests: z.record(z.string().regex(/^\w+$/), testSchema).default({}),
  /** packages.yml by package (`dbt-labs/dbt_utils`); `installed: false` leaves it out of dbt_packages/, as a project that never ran `dbt deps`. */
  packages: z.record(z.string().regex(/^[\w.-]+\/[\w.-]+$/), z.strictObject({ version: z.string(), installed: z.boolean().default(true) })).default({}),
  /** The output of `dbt source freshness`, when the world has one (written as target/sources.json). */
  freshness: z
    .strictObject({
      generatedAt: z.iso.datetime(),
      results: z.record(z.string(), z.strictObject({ maxLoadedAt: z.iso.datetime(), status: z.enum(['pass', 'warn', 'error']) })),
    })
    .optional(),
});

/** A world's dbt section. */
export type DbtSection = z.infer<typeof dbtSectionSchema>;
/** A model of the dbt section. */
export type DbtModelSpec = z.infer<typeof modelSchema>;
/** A test of the dbt section. */
export type DbtTestSpec = z.infer<typeof testSchema>;
