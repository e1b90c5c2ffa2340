import { FilterLogEventsCommand, ResourceNotFoundException, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { JobRun } from '@aws-sdk/client-glue';
import type { CheckContext } from '../../check-api';
import type { PipelineConfig } from '../../config/areas/pipeline';

/** The terms that mark an error line in Glue's driver and executor logs (CloudWatch Logs `?term` alternatives). */
export const errorFilterPattern = '?ERROR ?Error ?Exception ?Traceback ?"killed by YARN" ?FATAL';

/** An error line of a run, with the group and stream it is in. */
export interface RunLogLine {
  group: string;
  stream: string;
  timestamp: number;
  message: string;
}

/** What reading a run's error lines found, per group, and whether the bound cut it short. */
export interface RunLogRead {
  lines: RunLogLine[];
  groups: Array<{ group: string; status: 'read' | 'missing'; lines: number; truncated: boolean }>;
  calls: number;
  maxEvents: number;
}

/**
 * Reads a run's error lines from each log group: streams named after the run id (driver `jr_…`,
 * executors `jr_…_g-…`), between its start and a few minutes after it ended, at most `maxEvents` per group.
 */
export async function readRunErrorLines(logs: CloudWatchLogsClient, run: JobRun, groups: readonly string[], maxEvents: number, signal?: AbortSignal): Promise<RunLogRead> {
  const read: RunLogRead = { lines: [], groups: [], calls: 0, maxEvents };
  const startTime = (run.StartedOn?.getTime() ?? 0) - 60_000;
  const endTime = (run.CompletedOn ?? run.LastModifiedOn)?.getTime();
  for (const group of groups) {
    let token: string | undefined;
    let count = 0;
    try {
      do {
        const page = await logs.send(
          new FilterLogEventsCommand({
            logGroupName: group,
            logStreamNamePrefix: run.Id,
            filterPattern: errorFilterPattern,
            startTime,
            ...(endTime ? { endTime: endTime + 5 * 60_000 } : {}),
            limit: Math.min(10_000, maxEvents - count),
            nextToken: token,
          }),
          { abortSignal: signal },
        );
        read.calls++;
        for (const event of page.events ?? []) {
          read.lines.push({ group, stream: event.logStreamName ?? '', timestamp: event.timestamp ?? 0, message: (event.message ?? '').trimEnd() });
          count++;
        }
        token = page.nextToken;
      } while (token && count < maxEvents);
      read.groups.push({ group, status: 'read', lines: count, truncated: Boolean(token) });
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      read.groups.push({ group, status: 'missing', lines: 0, truncated: false });
    }
  }
  return read;
}

/** A failed run's error lines in the pipeline's error and output log groups, read once per run for every check that needs them. */
export function runErrorLines(ctx: Pick<CheckContext, 'clients' | 'memo'>, run: JobRun, pipeline: PipelineConfig): Promise<RunLogRead> {
  const groups = [pipeline.logGroups.error, pipeline.logGroups.output];
  return ctx.memo(['logs:run-error-lines', run.Id, ...groups, pipeline.maxLogEvents], (signal) => readRunErrorLines(ctx.clients.logs(), run, groups, pipeline.maxLogEvents, signal));
}
