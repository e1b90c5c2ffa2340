import { sandboxAccountId } from '../aws-json/account';
import type { ServiceEnv } from '../core/service';
import { jobRunShape } from '../glue/shapes';
import type { GlueJobRun } from '../glue/state';
import { sandboxCredentials } from '../credentials';
import { integration } from '../sfn/history';
import { applyResultPath, resolveParameters } from '../sfn/parameters';
import type { Execution, StateMachine } from '../sfn/state';
import type { SandboxStates } from '../states';
import { evaluateGlueJob } from './glue-job';
import { finishGlueRun, jobRunId, startGlueRun } from './glue-run';
import { roleMay } from './iam-permission';
import { schedule } from './state';

type StateDefinition = Record<string, unknown>;
type Env = ServiceEnv<SandboxStates>;

const text = (value: unknown) => JSON.stringify(value ?? {});

/** A Task state's Glue job, when it starts one (`glue:startJobRun` or `.sync`). */
function glueTask(definition: StateDefinition, input: unknown): { jobName: string; args: Record<string, string>; parameters: unknown } | null {
  if (definition.Type !== 'Task' || !/:glue:startJobRun(\.sync)?$/.test(String(definition.Resource ?? ''))) return null;
  const parameters = resolveParameters(definition.Parameters ?? {}, input) as { JobName?: string; Arguments?: Record<string, string> };
  return parameters.JobName ? { jobName: parameters.JobName, args: parameters.Arguments ?? {}, parameters } : null;
}

/** The state a re-run starts at and its input: the failed state of a redrive (with the input it had), the StartAt of a new execution. */
function startingPoint(machine: StateMachine, execution: Execution, mode: 'redrive' | 'start'): { state: string; input: unknown } {
  const startAt = String(machine.definition.StartAt ?? '');
  if (mode === 'start') return { state: startAt, input: execution.spec.input };
  // An execution that already failed again in the sandbox: its failed state is the last one the re-run entered.
  const entered = [...execution.appended].reverse().find((event) => event.type.endsWith('StateEntered'));
  if (entered) return { state: String(entered.details.name), input: JSON.parse(String(entered.details.input ?? '{}')) as unknown };
  let input: unknown = execution.spec.input;
  for (const visit of execution.spec.path) {
    if (visit.failed) return { state: visit.state, input };
    input = visit.output ?? input;
  }
  return { state: startAt, input };
}

/** Records one event of the re-run in the execution's history. */
function record(execution: Execution, at: Date, type: string, details: Record<string, unknown>): void {
  execution.appended.push({ type, details, at });
}

/** Whether the state machine's role may start the job; the Task fails as Step Functions reports AccessDenied otherwise. */
function denial(env: Env, machine: StateMachine, jobName: string): string | null {
  const resource = `arn:aws:glue:${sandboxCredentials.region}:${sandboxAccountId}:job/${jobName}`;
  if (roleMay(env.states.iam, machine.roleArn, 'glue:StartJobRun', resource)) return null;
  const role = machine.roleArn.split('/').pop();
  return `User: arn:aws:sts::${sandboxAccountId}:assumed-role/${role}/sandbox-execution is not authorized to perform: glue:StartJobRun on resource: ${resource} because no identity-based policy allows the glue:StartJobRun action (Service: AWSGlue; Status Code: 400; Error Code: AccessDeniedException)`;
}

/** A Glue task's run: started now, evaluated when `finish` is called, with the events Step Functions records. */
function taskRun(env: Env, machine: StateMachine, execution: Execution, stateName: string, definition: StateDefinition, input: unknown, at: Date) {
  const task = glueTask(definition, input)!;
  const target = integration(String(definition.Resource));
  record(execution, at, 'TaskStateEntered', { name: stateName, input: text(input), inputDetails: { truncated: false } });
  record(execution, at, 'TaskScheduled', { ...target, region: sandboxCredentials.region, parameters: JSON.stringify(task.parameters) });
  const denied = denial(env, machine, task.jobName);
  const job = env.states.glue.jobs.get(task.jobName);
  let run: GlueJobRun | undefined;
  if (!denied && job) {
    record(execution, at, 'TaskStarted', { ...target });
    run = startGlueRun(env.states.glue, task.jobName, jobRunId(`${execution.name}:${stateName}:${execution.appended.length}`), task.args, at);
    record(execution, at, 'TaskSubmitted', { ...target, output: JSON.stringify({ JobRunId: run.Id }), outputDetails: { truncated: false } });
  }
  return {
    /** Ends the task: the output for the next state, or the failure that ends the execution. */
    finish(end: Date): { output: unknown } | { error: string; cause: string } {
      if (denied || !job || !run) {
        const failure = denied ? { error: 'Glue.AWSGlueException', cause: denied } : { error: 'Glue.EntityNotFoundException', cause: `Cannot find job ${task.jobName} (Service: AWSGlue; Status Code: 400; Error Code: EntityNotFoundException)` };
        record(execution, end, 'TaskFailed', { ...target, ...failure });
        return failure;
      }
      const program = env.states.work.programs.glueJobs[task.jobName];
      finishGlueRun(run, evaluateGlueJob(job, program, { ...job.DefaultArguments, ...task.args }, env.states.s3), env.states.logs, end);
      const shape = jobRunShape(run, job);
      if (run.JobRunState !== 'SUCCEEDED') {
        const failure = { error: 'States.TaskFailed', cause: JSON.stringify(shape) };
        record(execution, end, 'TaskFailed', { ...target, ...failure });
        return failure;
      }
      record(execution, end, 'TaskSucceeded', { ...target, output: JSON.stringify(shape), outputDetails: { truncated: false } });
      const output = applyResultPath(input, definition.ResultPath, shape);
      record(execution, end, 'TaskStateExited', { name: stateName, output: text(output), outputDetails: { truncated: false } });
      return { output };
    },
  };
}

/** Runs the states from `name` on, Glue tasks and all, to the execution's end; returns how it ended. */
function runStates(env: Env, machine: StateMachine, execution: Execution, name: string, input: unknown, at: Date, first?: ReturnType<typeof taskRun>): { output: unknown } | { error: string; cause: string } {
  const states = (machine.definition.States ?? {}) as Record<string, StateDefinition>;
  let current: string | undefined = name;
  let data = input;
  let pending = first;
  for (let steps = 0; current && steps < 100; steps++) {
    const definition: StateDefinition | undefined = states[current];
    if (!definition) return { error: 'States.Runtime', cause: `The state ${current} is not in the definition` };
    const type = String(definition.Type);
    if (type === 'Succeed') {
      record(execution, at, 'SucceedStateEntered', { name: current, input: text(data), inputDetails: { truncated: false } });
      record(execution, at, 'SucceedStateExited', { name: current, output: text(data), outputDetails: { truncated: false } });
      return { output: data };
    }
    if (type === 'Fail') return { error: String(definition.Error ?? 'States.Fail'), cause: String(definition.Cause ?? '') };
    if (type === 'Pass') {
      data = definition.Result !== undefined ? applyResultPath(data, definition.ResultPath, definition.Result) : data;
    } else if (glueTask(definition, data)) {
      const task = pending ?? taskRun(env, machine, execution, current, definition, data, at);
      pending = undefined;
      const ended = task.finish(at);
      if ('error' in ended) return ended;
      data = ended.output;
    } else {
      return { error: 'States.Runtime', cause: `The sandbox does not run ${type} states (${current})` };
    }
    if (definition.End === true) return { output: data };
    current = typeof definition.Next === 'string' ? definition.Next : undefined;
  }
  return { output: data };
}

/**
 * The work of a redriven or new execution: its first Glue task starts now (GetJobRuns shows it RUNNING), and when
 * the work ends the states run against the world as it is then, so a redrive fails again while the cause is there.
 */
export function scheduleExecutionRun(env: Env, machine: StateMachine, execution: Execution, mode: 'redrive' | 'start'): void {
  const now = env.clock.now();
  const start = startingPoint(machine, execution, mode);
  const states = (machine.definition.States ?? {}) as Record<string, StateDefinition>;
  const definition = states[start.state];
  const first = definition && glueTask(definition, start.input) ? taskRun(env, machine, execution, start.state, definition, start.input, now) : undefined;
  schedule(env.states.work, now, `${mode} of ${execution.name}`, (later) => {
    const end = later.clock.now();
    const ended = runStates(later, machine, execution, start.state, start.input, end, first);
    execution.stopDate = end;
    if ('error' in ended) {
      execution.status = 'FAILED';
      record(execution, end, 'ExecutionFailed', { error: ended.error, cause: ended.cause });
    } else {
      execution.status = 'SUCCEEDED';
      record(execution, end, 'ExecutionSucceeded', { output: text(ended.output), outputDetails: { truncated: false } });
    }
  });
}
