/** The finest date part a partition pattern names: a partition holds one of these (UTC). */
export type PartitionUnit = 'year' | 'month' | 'day' | 'hour';

/** A key layout of date partitions (`day=YYYY-MM-DD/`, `year=YYYY/month=MM/day=DD/`, `dt=YYYY-MM-DD/hour=HH/`). */
export interface DatePartitionPattern {
  text: string;
  unit: PartitionUnit;
  /** The partition's key part for a time: `day=2026-12-01/`. */
  format(date: Date): string;
  /** The time a partition's key part stands for, or null when the text does not follow the pattern. */
  parse(text: string): Date | null;
}

const tokens = [
  { token: 'YYYY', unit: 'year', width: 4 },
  { token: 'MM', unit: 'month', width: 2 },
  { token: 'DD', unit: 'day', width: 2 },
  { token: 'HH', unit: 'hour', width: 2 },
] as const;

/** What a partition pattern may look like, for messages. */
export const partitionPatternSyntax = 'a key prefix ending in "/" with YYYY, then optionally MM, DD and HH in that order, e.g. "day=YYYY-MM-DD/" or "year=YYYY/month=MM/day=DD/"';

/** Reads a partition pattern; throws an Error that says what is wrong. */
export function parseDatePartitionPattern(text: string): DatePartitionPattern {
  const found = tokens.map((t) => ({ ...t, at: text.indexOf(t.token) }));
  const used = found.filter((t) => t.at >= 0);
  if (!text.endsWith('/')) throw new Error(`Unexpected partition pattern "${text}": expected ${partitionPatternSyntax}`);
  if (used.length === 0 || used[0]!.token !== 'YYYY' || used.some((t, i) => t !== found[i] || (i > 0 && t.at < used[i - 1]!.at))) {
    throw new Error(`Unexpected partition pattern "${text}": expected ${partitionPatternSyntax}`);
  }
  const unit = used.at(-1)!.unit;
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const matcher = new RegExp(`^${used.reduce((source, t) => source.replace(t.token, `(?<${t.unit}>\\d{${t.width}})`), escaped)}$`);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return {
    text,
    unit,
    format: (date) =>
      used.reduce((out, t) => {
        const value = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours() }[t.unit];
        return out.replace(t.token, pad(value, t.width));
      }, text),
    parse: (part) => {
      const groups = matcher.exec(part)?.groups;
      if (!groups) return null;
      const date = new Date(Date.UTC(Number(groups.year), Number(groups.month ?? 1) - 1, Number(groups.day ?? 1), Number(groups.hour ?? 0)));
      return Number.isNaN(date.getTime()) ? null : date;
    },
  };
}

/** The start of the partition that holds `date`. */
export function partitionStart(date: Date, unit: PartitionUnit): Date {
  const d = new Date(date.getTime());
  if (unit !== 'hour') d.setUTCHours(0, 0, 0, 0);
  else d.setUTCMinutes(0, 0, 0);
  if (unit === 'month' || unit === 'year') d.setUTCDate(1);
  if (unit === 'year') d.setUTCMonth(0);
  return d;
}

/** The start of the partition `steps` partitions before the one that starts at `start` (negative: after). */
export function partitionBefore(start: Date, unit: PartitionUnit, steps = 1): Date {
  const d = new Date(start.getTime());
  if (unit === 'hour') d.setUTCHours(d.getUTCHours() - steps);
  if (unit === 'day') d.setUTCDate(d.getUTCDate() - steps);
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() - steps);
  if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() - steps);
  return d;
}

/** The partitions that hold any time from `since` to `until`, newest first, as key parts with their start times. */
export function partitionsBetween(pattern: DatePartitionPattern, since: Date, until: Date): Array<{ part: string; start: Date }> {
  const parts: Array<{ part: string; start: Date }> = [];
  for (let start = partitionStart(until, pattern.unit); start.getTime() >= partitionStart(since, pattern.unit).getTime(); start = partitionBefore(start, pattern.unit)) {
    parts.push({ part: pattern.format(start), start });
  }
  return parts;
}
