import { z } from 'zod';

/** Scenarios 3.1 and 3.2: the Step Functions state machine and the Glue jobs it runs. */
export const pipelineSchema = z.strictObject({
  /** The ingestion state machine (`arn:aws:states:REGION:ACCOUNT:stateMachine:NAME`). */
  stateMachineArn: z.string().regex(/^arn:aws[\w-]*:states:[\w-]+:\d{12}:stateMachine:[\w.-]+$/, 'expected arn:aws:states:REGION:ACCOUNT:stateMachine:NAME'),
  /** The Glue jobs whose failed runs scenario 3.1 looks for (the state machine's jobs are found from its definition). */
  glueJobs: z.array(z.string().min(1)).min(1),
  /** How far back a failed execution or job run counts as the current incident, in hours. */
  lookbackHours: z.number().positive().default(24),
  /** Keys every Task state's input must carry (3.2.3), e.g. the run date and input path. */
  requiredInputKeys: z.array(z.string().min(1)).default([]),
  /** The job arguments that name a run's raw input (`s3://bucket/prefix/`), first present wins. */
  inputPathArguments: z.array(z.string().startsWith('--')).min(1).default(['--input_path']),
  /** Where Glue writes a run's driver and executor logs (streams named after the run id). */
  logGroups: z.strictObject({ error: z.string().min(1), output: z.string().min(1) }).default({ error: '/aws-glue/jobs/error', output: '/aws-glue/jobs/output' }),
  /** The most log events read per run and log group, so a chatty run costs a bounded number of calls. */
  maxLogEvents: z.number().int().positive().max(10_000).default(1_000),
});

/** Pipeline settings of one environment. */
export type PipelineConfig = z.infer<typeof pipelineSchema>;
