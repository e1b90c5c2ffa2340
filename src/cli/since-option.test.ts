import { describe, expect, it } from 'vitest';
import { parseSince, SinceOptionError } from './since-option';
import { UsageError } from './usage-error';

const now = new Date('2026-01-02T12:00:00.000Z');

describe('parseSince', () => {
  it('counts minutes, hours and days back from now', () => {
    expect(parseSince('30m', now).toISOString()).toBe('2026-01-02T11:30:00.000Z');
    expect(parseSince('2h', now).toISOString()).toBe('2026-01-02T10:00:00.000Z');
    expect(parseSince('24h', now).toISOString()).toBe('2026-01-01T12:00:00.000Z');
    expect(parseSince('7d', now).toISOString()).toBe('2025-12-26T12:00:00.000Z');
  });

  it('rejects anything else as a usage error naming the flag, the value and the valid forms', () => {
    for (const bad of ['yesterday', '2', 'h', '1.5h', '-2h', '2w', '0h', '']) {
      expect(() => parseSince(bad, now)).toThrow(SinceOptionError);
    }
    expect(() => parseSince('2w', now)).toThrow(new SinceOptionError('2w'));
    expect(new SinceOptionError('2w')).toBeInstanceOf(UsageError);
    expect(new SinceOptionError('2w').message).toBe('Unexpected --since "2w", expected a whole number of minutes, hours or days: 30m, 2h, 24h, 7d');
  });
});
