import type { JsonValue } from '../../model';

/** The auto-refresh pipe status of an external table, as SYSTEM$EXTERNAL_TABLE_PIPE_STATUS reports it. */
export interface PipeStatus {
  executionState: string;
  pendingFileCount?: number;
  notificationChannelName?: string;
  lastReceivedMessageTimestamp?: string;
  error?: string;
  raw: { [key: string]: JsonValue };
}

/** Raised when SYSTEM$EXTERNAL_TABLE_PIPE_STATUS returns something other than a JSON object with an executionState. */
export class PipeStatusFormatError extends Error {
  override name = 'PipeStatusFormatError';
  constructor(readonly text: string) {
    super(`unexpected pipe status ${text.slice(0, 200)}: expected a JSON object with executionState`);
  }
}

/** Reads the JSON string the status function returns; throws on anything that is not a JSON object with an executionState. */
export function parsePipeStatus(text: string): PipeStatus {
  const raw = JSON.parse(text) as unknown;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || typeof (raw as { executionState?: unknown }).executionState !== 'string') {
    throw new PipeStatusFormatError(text);
  }
  return { ...(raw as Omit<PipeStatus, 'raw'>), raw: raw as { [key: string]: JsonValue } };
}

/** True only for RUNNING: every STOPPED_* and STALLED_* state, known or not, is unhealthy. */
export function isRunning(status: Pick<PipeStatus, 'executionState'>): boolean {
  return status.executionState === 'RUNNING';
}
