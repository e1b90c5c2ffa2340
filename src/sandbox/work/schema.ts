import { z } from 'zod';

/** What a Glue job's script does with its input, as far as the re-run evaluates it. */
const glueProgramSchema = z.strictObject({
  /** The job argument naming the S3 prefix it reads as JSON lines (`--input_path`); a job without one reads nothing. */
  input: z.string().min(1).optional(),
  /** Spark's JSON read mode: FAILFAST fails the run on the first malformed line, PERMISSIVE reads past it. */
  mode: z.enum(['FAILFAST', 'PERMISSIVE']).default('FAILFAST'),
  /** The fields the script selects: a record without one fails the run as Spark's AnalysisException does. */
  selects: z.array(z.string().min(1)).default([]),
  /** How many input objects one DPU of driver memory plans before it runs out (the OOM of many small files). */
  inputObjectsPerDpu: z.number().int().positive().optional(),
});

/** The Airflow task that runs dbt build over the world's dbt project. */
const dbtTaskSchema = z.strictObject({ dag: z.string().min(1), task: z.string().min(1) });

/** The Terraform workflow a GitHub re-run executes: where its state lock lives, which role it applies as, where its plan is. */
const terraformProgramSchema = z.strictObject({
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  /** The workflow file (`.github/workflows/terraform.yml`). */
  workflow: z.string().min(1),
  lockTable: z.string().min(1),
  /** The state's path, the LockID of its lock item. */
  statePath: z.string().min(1),
  /** The role the apply runs as (an IAM role of the world). */
  ciRole: z.string().min(1),
  /** The plan artifact's name and the file in it. */
  planArtifact: z.strictObject({ name: z.string().min(1), file: z.string().min(1) }),
  /** The jobs that plan and apply, by name. */
  planJob: z.string().default('plan'),
  applyJob: z.string().default('apply'),
});

/**
 * The work section of a world (work.json): what the platform's jobs do when an action re-runs them, so that a
 * re-run is evaluated against the world's current state (its S3 input, its dbt project, its locks and policies)
 * instead of being declared. Not served over HTTP.
 */
export const workSectionSchema = z.strictObject({
  /** Seconds a re-run takes in sandbox time before its outcome shows (queued or running until then); sandbox options override it. */
  durationSeconds: z.number().nonnegative().default(0),
  glueJobs: z.record(z.string(), glueProgramSchema).default({}),
  dbt: dbtTaskSchema.optional(),
  terraform: terraformProgramSchema.optional(),
});

/** A world's work section. */
export type WorkSection = z.infer<typeof workSectionSchema>;
/** What a Glue job's script does. */
export type GlueProgram = z.infer<typeof glueProgramSchema>;
/** The Terraform workflow a re-run executes. */
export type TerraformProgram = z.infer<typeof terraformProgramSchema>;
