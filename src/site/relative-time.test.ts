import { describe, expect, it } from 'vitest';
import { absoluteTime, relativeTime } from './relative-time';

const now = Date.parse('2026-01-02T12:00:00.000Z');

describe('relativeTime and absoluteTime', () => {
  it('say how long ago a run was in its largest whole unit', () => {
    expect(relativeTime('2026-01-02T11:59:30.000Z', now)).toBe('just now');
    expect(relativeTime('2026-01-02T11:55:00.000Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-01-02T09:00:00.000Z', now)).toBe('3 h ago');
    expect(relativeTime('2025-12-30T12:00:00.000Z', now)).toBe('3 d ago');
    expect(relativeTime('2026-01-02T13:00:00.000Z', now)).toBe('in the future');
  });

  it('print the absolute time in UTC to the minute', () => {
    expect(absoluteTime('2025-11-26T01:50:44.123Z')).toBe('2025-11-26 01:50 UTC');
  });
});
