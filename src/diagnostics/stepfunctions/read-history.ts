import { GetExecutionHistoryCommand, type HistoryEvent, type SFNClient } from '@aws-sdk/client-sfn';
import type { CheckContext } from '../../check-api';

/** The most history events read for one execution; longer histories are reported as cut short. */
export const maxHistoryEvents = 5_000;

/** An execution's history as read: its events in order, and whether the cap stopped the read. */
export interface ReadHistory {
  events: HistoryEvent[];
  truncated: boolean;
  calls: number;
}

/** Reads an execution's history oldest first, page by page (1,000 events a page), up to `maxEvents`. */
export async function readHistory(sfn: SFNClient, executionArn: string, signal?: AbortSignal, maxEvents = maxHistoryEvents): Promise<ReadHistory> {
  const events: HistoryEvent[] = [];
  let token: string | undefined;
  let calls = 0;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: Math.min(1000, maxEvents - events.length), nextToken: token, includeExecutionData: true }), { abortSignal: signal });
    calls++;
    events.push(...(page.events ?? []));
    token = page.nextToken;
  } while (token && events.length < maxEvents);
  return { events, truncated: Boolean(token), calls };
}

/** An execution's history, read once per run for every check that needs it. */
export function executionHistory(ctx: Pick<CheckContext, 'clients' | 'memo'>, executionArn: string): Promise<ReadHistory> {
  return ctx.memo(['sfn:GetExecutionHistory', executionArn, maxHistoryEvents], (signal) => readHistory(ctx.clients.sfn(), executionArn, signal));
}
