import { UsageError } from './usage-error';

const units = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A `--since` value that is not an age such as `30m`, `2h`, `24h` or `7d`. */
export class SinceOptionError extends UsageError {
  override name = 'SinceOptionError';
  constructor(readonly value: string) {
    super(`Unexpected --since "${value}", expected a whole number of minutes, hours or days: 30m, 2h, 24h, 7d`);
  }
}

/** The time `--since AGE` means, counted back from `now`: `2h` is two hours before it. */
export function parseSince(value: string, now: Date): Date {
  const match = /^(\d{1,6})([mhd])$/.exec(value.trim());
  if (!match) throw new SinceOptionError(value);
  const amount = Number(match[1]);
  if (amount === 0) throw new SinceOptionError(value);
  return new Date(now.getTime() - amount * units[match[2] as keyof typeof units]);
}
