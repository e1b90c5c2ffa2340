import { z } from 'zod';

const time = z.iso.datetime();

const jobRunSchema = z.strictObject({
  JobRunState: z.enum(['STARTING', 'RUNNING', 'STOPPING', 'STOPPED', 'SUCCEEDED', 'FAILED', 'TIMEOUT', 'ERROR', 'WAITING', 'EXPIRED']),
  StartedOn: time,
  CompletedOn: time.optional(),
  Attempt: z.number().int().nonnegative().default(0),
  PreviousRunId: z.string().optional(),
  TriggerName: z.string().optional(),
  Arguments: z.record(z.string(), z.string()).default({}),
  ErrorMessage: z.string().optional(),
  /** Capacity of the run; the job's settings when absent. */
  WorkerType: z.string().optional(),
  NumberOfWorkers: z.number().int().positive().optional(),
  MaxCapacity: z.number().positive().optional(),
  Timeout: z.number().int().positive().optional(),
  LogGroupName: z.string().default('/aws-glue/jobs'),
});

const jobSchema = z.strictObject({
  Description: z.string().optional(),
  Role: z.string(),
  CreatedOn: time,
  LastModifiedOn: time,
  Command: z.strictObject({ Name: z.string(), ScriptLocation: z.string(), PythonVersion: z.string().optional() }),
  DefaultArguments: z.record(z.string(), z.string()).default({}),
  MaxRetries: z.number().int().nonnegative().default(0),
  Timeout: z.number().int().positive().default(2880),
  GlueVersion: z.string().optional(),
  /** Jobs sized by `MaxCapacity` alone (no WorkerType) exist: the Glue 0.9/1.0 style. */
  WorkerType: z.string().optional(),
  NumberOfWorkers: z.number().int().positive().optional(),
  MaxCapacity: z.number().positive().optional(),
  /** The job's tags (GetTags, ListJobs' Tags filter); GetJob does not return them, as in Glue. */
  Tags: z.record(z.string().min(1).max(128), z.string().max(256)).default({}),
  runs: z.record(z.string().regex(/^jr_\w+$/, 'expected a job run id jr_…'), jobRunSchema).default({}),
});

/** The glue section of a world file: jobs by name, each with its runs by id. */
export const glueSectionSchema = z.strictObject({ jobs: z.record(z.string(), jobSchema).default({}) });

/** A job definition as a world declares it. */
export type GlueJob = z.infer<typeof jobSchema> & { Name: string };
/** A job run as a world declares it, with its id and job name. */
export type GlueJobRun = z.infer<typeof jobRunSchema> & { Id: string; JobName: string };

/** The simulated Glue: jobs by name, and each job's runs, newest first. */
export interface GlueState {
  jobs: Map<string, GlueJob>;
  runs: Map<string, GlueJobRun[]>;
}

/** Builds the Glue state from a world's glue section. */
export function loadGlueState(section: unknown): GlueState {
  const parsed = glueSectionSchema.parse(section ?? {});
  const jobs = new Map<string, GlueJob>();
  const runs = new Map<string, GlueJobRun[]>();
  for (const [name, job] of Object.entries(parsed.jobs)) {
    jobs.set(name, { ...job, Name: name });
    const list = Object.entries(job.runs).map(([id, run]) => ({ ...run, Id: id, JobName: name }));
    list.sort((a, b) => b.StartedOn.localeCompare(a.StartedOn));
    runs.set(name, list);
  }
  return { jobs, runs };
}

/** Finds a job run by id across every job (Step Functions reads runs this way). */
export function findJobRun(state: GlueState, runId: string): GlueJobRun | undefined {
  for (const list of state.runs.values()) {
    const run = list.find((candidate) => candidate.Id === runId);
    if (run) return run;
  }
  return undefined;
}
