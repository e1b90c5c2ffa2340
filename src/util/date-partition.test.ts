import { describe, expect, it } from 'vitest';
import { parseDatePartitionPattern, partitionsBetween } from './date-partition';

describe('date partition patterns', () => {
  it('format and parse the partition of a time, in UTC', () => {
    const pattern = parseDatePartitionPattern('year=YYYY/month=MM/day=DD/');
    expect(pattern.unit).toBe('day');
    expect(pattern.format(new Date('2026-03-04T23:30:00Z'))).toBe('year=2026/month=03/day=04/');
    expect(pattern.parse('year=2026/month=03/day=04/')?.toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(pattern.parse('year=2026/month=03/')).toBeNull();
  });

  it('list the partitions a window touches, newest first', () => {
    const hourly = parseDatePartitionPattern('dt=YYYY-MM-DD/hour=HH/');
    expect(partitionsBetween(hourly, new Date('2026-12-01T22:10:00Z'), new Date('2026-12-02T00:05:00Z')).map((p) => p.part)).toEqual([
      'dt=2026-12-02/hour=00/',
      'dt=2026-12-01/hour=23/',
      'dt=2026-12-01/hour=22/',
    ]);
  });

  it.each(['day=DD/', 'YYYY-DD/', 'MM/YYYY/', 'day=YYYY-MM-DD'])('refuse %s, which is not big-endian from the year or does not end a prefix', (text) => {
    expect(() => parseDatePartitionPattern(text)).toThrow(/expected a key prefix ending in "\/" with YYYY/);
  });
});
