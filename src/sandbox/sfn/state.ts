import { z } from 'zod';

const time = z.iso.datetime();
const json = z.json();

const failureSchema = z.strictObject({
  error: z.string().default('States.TaskFailed'),
  /** The cause as text, or as JSON the sandbox encodes; omitted for a Glue task, whose JobRun becomes the cause. */
  cause: z.union([z.string(), z.record(z.string(), json)]).optional(),
});

const visitSchema = z.strictObject({
  /** A state of the definition. */
  state: z.string().min(1),
  /** The Glue job run a `glue:startJobRun(.sync)` task started: the history carries its JobRun. */
  glueJobRunId: z.string().optional(),
  /** The state's output; its input when absent. */
  output: json.optional(),
  /** The state failed this way (the execution fails with it). */
  failed: failureSchema.optional(),
});

const executionSchema = z.strictObject({
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']),
  startDate: time,
  stopDate: time.optional(),
  input: json.default({}),
  /** The states the execution went through, in order. */
  path: z.array(visitSchema).default([]),
  /** False when the world stages an execution that cannot be redriven (a definition changed since, say). */
  redrivable: z.boolean().default(true),
  redriveCount: z.number().int().nonnegative().default(0),
});

const loggingSchema = z.strictObject({
  level: z.enum(['ALL', 'ERROR', 'FATAL', 'OFF']),
  includeExecutionData: z.boolean().default(false),
  /** The CloudWatch Logs group the execution history goes to (`arn:aws:logs:…:log-group:NAME:*`). */
  logGroupArn: z.string().regex(/^arn:aws[\w-]*:logs:[\w-]+:\d{12}:log-group:[.\-_/#A-Za-z0-9]+:\*$/, 'expected arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*').optional(),
});

const stateMachineSchema = z.strictObject({
  type: z.enum(['STANDARD', 'EXPRESS']).default('STANDARD'),
  roleArn: z.string(),
  createdOn: time,
  /** The Amazon States Language definition, as an object (sent as a JSON string, as AWS does). */
  definition: z.record(z.string(), json),
  executions: z.record(z.string().regex(/^[\w-]{1,80}$/, 'expected an execution name'), executionSchema).default({}),
  /** Where the machine logs its executions; off when absent, as a new machine is. */
  logging: loggingSchema.default({ level: 'OFF', includeExecutionData: false }),
});

/** A state machine's logging configuration. */
export type MachineLogging = z.infer<typeof loggingSchema>;

/** The sfn section of a world file: state machines by name, each with its executions by name. */
export const sfnSectionSchema = z.strictObject({ stateMachines: z.record(z.string(), stateMachineSchema).default({}) });

/** One state an execution went through, as a world declares it. */
export type StateVisit = z.infer<typeof visitSchema>;
/** An execution as a world declares it. */
export type ExecutionSpec = z.infer<typeof executionSchema>;

/** A history event in the GetExecutionHistory shape, before its id and timestamp are assigned. */
export interface PendingEvent {
  type: string;
  details: Record<string, unknown>;
}

/** A live execution: its declaration, plus what StartExecution and RedriveExecution changed since. */
export interface Execution {
  name: string;
  stateMachine: string;
  spec: ExecutionSpec;
  status: ExecutionSpec['status'];
  startDate: Date;
  stopDate?: Date;
  redriveCount: number;
  redriveDate?: Date;
  /** Events added after load (redrives), with their times. */
  appended: Array<PendingEvent & { at: Date }>;
}

/** A state machine and its executions. */
export interface StateMachine {
  name: string;
  type: 'STANDARD' | 'EXPRESS';
  roleArn: string;
  createdOn: Date;
  definition: Record<string, unknown>;
  executions: Map<string, Execution>;
  logging: MachineLogging;
}

/** The simulated Step Functions: state machines by name. */
export interface SfnState {
  stateMachines: Map<string, StateMachine>;
}

/** Builds the Step Functions state from a world's sfn section. */
export function loadSfnState(section: unknown): SfnState {
  const parsed = sfnSectionSchema.parse(section ?? {});
  const stateMachines = new Map<string, StateMachine>();
  for (const [name, machine] of Object.entries(parsed.stateMachines)) {
    const executions = new Map<string, Execution>();
    for (const [executionName, spec] of Object.entries(machine.executions)) {
      executions.set(executionName, {
        name: executionName,
        stateMachine: name,
        spec,
        status: spec.status,
        startDate: new Date(spec.startDate),
        ...(spec.stopDate ? { stopDate: new Date(spec.stopDate) } : {}),
        redriveCount: spec.redriveCount,
        appended: [],
      });
    }
    stateMachines.set(name, { name, type: machine.type, roleArn: machine.roleArn, createdOn: new Date(machine.createdOn), definition: machine.definition, executions, logging: machine.logging });
  }
  return { stateMachines };
}
