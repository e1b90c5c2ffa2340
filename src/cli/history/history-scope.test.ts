import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error';
import { parseHistoryScope } from './history-scope';

describe('parseHistoryScope', () => {
  it('reads a scenario, a step or nothing, with the --env environment', () => {
    expect(parseHistoryScope([], undefined)).toEqual({});
    expect(parseHistoryScope(['3.3'], 'prod')).toEqual({ scenario: '3.3', environment: 'prod' });
    expect(parseHistoryScope(['3.3.1'], undefined)).toEqual({ step: '3.3.1' });
    expect(parseHistoryScope(['3.3.s2'], undefined)).toEqual({ step: '3.3.s2' });
    expect(parseHistoryScope(['6'], undefined)).toEqual({ scenario: '6' });
  });

  it('rejects what is neither a scenario nor a step, and more than one id, saying what it expects', () => {
    expect(() => parseHistoryScope(['glue'], undefined)).toThrow(new UsageError('Unexpected "glue" after history, expected a scenario (3.3, 6) or a step (3.3.1, 3.3.s2)'));
    expect(() => parseHistoryScope(['3.1', '3.3'], undefined)).toThrow(/^Unexpected 3\.3 after history 3\.1: history takes one scenario/);
  });
});
