import { z } from 'zod';

const identifier = z.string().regex(/^[A-Za-z_][\w$]*$/, 'expected a column name');

/** Scenarios 3.4 and 3.5: the dbt project whose artifacts, profile and tests the checks read. */
export const dbtSchema = z.strictObject({
  /** The dbt project directory (holds dbt_project.yml and target/). A relative path resolves from the folder of runbook.config.ts. */
  projectDir: z.string().min(1).optional(),
  /** Where profiles.yml lives; defaults to DBT_PROFILES_DIR, then the project directory, then ~/.dbt. */
  profilesDir: z.string().min(1).optional(),
  /** The profile target to use; defaults to the profile's own `target`. */
  target: z.string().min(1).optional(),
  /** The command 3.4.1 runs when dbt is installed; its first word is looked up on PATH. */
  testCommand: z.array(z.string().min(1)).min(1).default(['dbt', 'test']),
  /** `auto` runs the test command when dbt is on PATH; `never` always reads the latest artifacts. */
  runTests: z.enum(['auto', 'never']).default('auto'),
  /** Artifacts older than this many hours are reported as stale (a warning, not a failure). */
  artifactMaxAgeHours: z.number().positive().default(24),
  /** Declared grain per model name, for models without unique tests (`{ fct_reviews: ['review_id'] }`). */
  grain: z.record(z.string(), z.array(identifier).min(1)).default({}),
  /** How many duplicate keys 3.4.4 shows as samples. */
  sampleKeys: z.number().int().positive().max(100).default(5),
  /** Freshness by query when no sources.json exists: the newest load timestamp of a table against its SLA. */
  freshness: z
    .strictObject({
      table: z.string().regex(/^[\w$]+(\.[\w$]+){0,2}$/, 'expected DATABASE.SCHEMA.TABLE'),
      loadedAtColumn: identifier,
      slaHours: z.number().positive(),
    })
    .optional(),
});

/** dbt settings of one environment. */
export type DbtConfig = z.infer<typeof dbtSchema>;
