const relative = /^now(?:([+-])(\d+)(ms|s|m|h|d))?$/;
const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const template = /\{(now(?:[+-]\d+(?:ms|s|m|h|d))?):([^{}]+)\}/g;
const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const fields: Record<string, (date: Date) => string> = {
  YYYY: (d) => pad(d.getUTCFullYear(), 4),
  YY: (d) => pad(d.getUTCFullYear() % 100),
  MM: (d) => pad(d.getUTCMonth() + 1),
  DD: (d) => pad(d.getUTCDate()),
  HH: (d) => pad(d.getUTCHours()),
  mm: (d) => pad(d.getUTCMinutes()),
  ss: (d) => pad(d.getUTCSeconds()),
};

/** Resolves `now`, `now-2h`, `now+15m` against `now`; returns null for any other string. */
export function resolveRelativeTime(value: string, now: Date): Date | null {
  const match = relative.exec(value);
  if (!match) return null;
  const [, sign, amount, unit] = match;
  const offset = sign ? Number(amount) * unitMs[unit as keyof typeof unitMs] * (sign === '-' ? -1 : 1) : 0;
  return new Date(now.getTime() + offset);
}

/**
 * Writes the dates that names carry from the same relative times: `daily-{now-2h:YYYY-MM-DD}` becomes
 * `daily-2026-11-26` when now-2h falls on that day (UTC). Fields: YYYY, YY, MM, DD, HH, mm, ss. Tests
 * call it without `now` to name what a world loaded just now carries.
 */
export function resolveDateTemplates(text: string, now: Date = new Date()): string {
  if (!text.includes('{now')) return text;
  return text.replace(template, (_whole, time: string, format: string) => {
    const date = resolveRelativeTime(time, now)!;
    return format.replace(/YYYY|YY|MM|DD|HH|mm|ss/g, (field) => fields[field]!(date));
  });
}

/**
 * Replaces every relative time string in a JSON value with an ISO timestamp, and every date template in
 * a string or an object key with the date it names, so worlds stay recent and their names agree with their times.
 */
export function resolveRelativeTimes(value: unknown, now: Date): unknown {
  if (typeof value === 'string') return resolveRelativeTime(value, now)?.toISOString() ?? resolveDateTemplates(value, now);
  if (Array.isArray(value)) return value.map((item) => resolveRelativeTimes(item, now));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [resolveDateTemplates(key, now), resolveRelativeTimes(item, now)]));
  }
  return value;
}
