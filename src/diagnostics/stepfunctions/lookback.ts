import type { Clock } from '../../check-api';
import { formatDuration } from '../duration';

/** The window in which a failure counts as the current incident. */
export interface Lookback {
  since: Date;
  /** `the last 24h`, for summaries. */
  label: string;
}

/** The look-back window ending now. */
export function lookback(clock: Clock, hours: number): Lookback {
  const ms = hours * 3_600_000;
  return { since: new Date(clock.now().getTime() - ms), label: `the last ${formatDuration(ms)}` };
}
