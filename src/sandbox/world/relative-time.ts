const relative = /^now(?:([+-])(\d+)(ms|s|m|h|d))?$/;
const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Resolves `now`, `now-2h`, `now+15m` against `now`; returns null for any other string. */
export function resolveRelativeTime(value: string, now: Date): Date | null {
  const match = relative.exec(value);
  if (!match) return null;
  const [, sign, amount, unit] = match;
  const offset = sign ? Number(amount) * unitMs[unit as keyof typeof unitMs] * (sign === '-' ? -1 : 1) : 0;
  return new Date(now.getTime() + offset);
}

/** Replaces every relative time string in a JSON value with an ISO timestamp, so worlds stay recent. */
export function resolveRelativeTimes(value: unknown, now: Date): unknown {
  if (typeof value === 'string') return resolveRelativeTime(value, now)?.toISOString() ?? value;
  if (Array.isArray(value)) return value.map((item) => resolveRelativeTimes(item, now));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveRelativeTimes(item, now)]));
  }
  return value;
}
