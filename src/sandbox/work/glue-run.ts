import { createHash } from 'node:crypto';
import type { GlueJobRun, GlueState } from '../glue/state';
import type { LogsState } from '../logs/state';
import type { GlueOutcome } from './glue-job';

/** A job run id that is stable for the same job, caller and attempt (`jr_` and 64 hex digits, as Glue's). */
export function jobRunId(seed: string): string {
  return `jr_${createHash('sha256').update(seed).digest('hex')}`;
}

/** Starts a RUNNING run of a job, newest first among its runs, as StartJobRun does. */
export function startGlueRun(glue: GlueState, jobName: string, id: string, args: Record<string, string>, now: Date): GlueJobRun {
  const run: GlueJobRun = { Id: id, JobName: jobName, JobRunState: 'RUNNING', StartedOn: now.toISOString(), Attempt: 0, Arguments: args, LogGroupName: '/aws-glue/jobs' };
  glue.runs.set(jobName, [run, ...(glue.runs.get(jobName) ?? [])]);
  return run;
}

function appendStream(logs: LogsState, group: string, stream: string, lines: readonly string[], at: Date): void {
  if (!lines.length) return;
  let found = logs.groups.get(group);
  if (!found) {
    found = { name: group, subscriptionFilters: [], creationTime: at.getTime(), streams: new Map() };
    logs.groups.set(group, found);
  }
  const streams = found.streams;
  const events = lines.map((message, index) => {
    const timestamp = at.getTime() + index;
    return { timestamp, message, eventId: `${String(timestamp).padStart(16, '0')}${String(index).padStart(8, '0')}` };
  });
  streams.set(stream, { name: stream, events: [...(streams.get(stream)?.events ?? []), ...events] });
}

/** Ends a run with its outcome and writes its driver and output logs to CloudWatch Logs, stream named by the run id. */
export function finishGlueRun(run: GlueJobRun, outcome: GlueOutcome, logs: LogsState, at: Date): void {
  run.JobRunState = outcome.state;
  run.CompletedOn = at.toISOString();
  if (outcome.errorMessage) run.ErrorMessage = outcome.errorMessage;
  appendStream(logs, `${run.LogGroupName}/output`, run.Id, outcome.outputLog, at);
  appendStream(logs, `${run.LogGroupName}/error`, run.Id, outcome.errorLog, at);
}
