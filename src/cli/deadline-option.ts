import { UsageError } from './usage-error';

/** The `--deadline` value as seconds; anything but a positive number is a usage error (exit 2). */
export function parseDeadline(text: string): number {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`Unexpected --deadline "${text}", expected a positive number of seconds, e.g. --deadline 120`);
  return seconds;
}
