import { describe, expect, it } from 'vitest';
import { transportFailure } from './transport-failure';

describe('transport failures in words', () => {
  it('reads the code of the error or of its causes', () => {
    expect(transportFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))?.words).toMatch(/connection refused/);
    const terminated = new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    expect(transportFailure(terminated)).toEqual({ words: 'the connection closed before the answer was complete', cutShort: true });
  });

  it('names a timeout with its limit', () => {
    expect(transportFailure(Object.assign(new Error('aborted'), { name: 'TimeoutError' }), 15_000)?.words).toBe('no answer within 15 s');
  });

  it('is null for an error that is not about the connection', () => {
    expect(transportFailure(new Error('ValidationException'))).toBeNull();
  });
});
