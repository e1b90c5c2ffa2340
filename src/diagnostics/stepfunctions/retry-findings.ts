import { evidence } from '../../check-api';
import type { Evidence } from '../../model';
import type { TaskState } from './definition';
import { judgeRetries } from './retry';

/** What the Retry judgement of a state machine's Task states found: the evidence, and the problem when there is one. */
export interface RetryFindings {
  evidence: Evidence[];
  /** `no Retry on A; Retry without transient errors on B`, or null when every Task state retries transient errors. */
  problem: string | null;
}

/** Judges every Task state's Retry (3.2's note, 5.1's recovery claim) into evidence and one sentence naming what is missing. */
export function retryFindings(tasks: readonly TaskState[]): RetryFindings {
  const verdicts = judgeRetries(tasks);
  const seen = [evidence('task states', verdicts.map((v) => ({ ...v, ...('errors' in v ? { errors: [...v.errors] } : {}) })))];
  const missing = verdicts.filter((v) => v.kind === 'no-retry').map((v) => v.state);
  const narrow = verdicts.filter((v) => v.kind === 'no-transient').map((v) => v.state);
  const parts = [missing.length ? `no Retry on ${missing.join(', ')}` : '', narrow.length ? `Retry without transient errors on ${narrow.join(', ')}` : ''].filter(Boolean);
  return { evidence: seen, problem: parts.length ? parts.join('; ') : null };
}
