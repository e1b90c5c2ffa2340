import { describe, expect, it } from 'vitest';
import { ServiceCallError } from '../service-error';
import { breakingFailure } from './breaking-failure';
import { createServiceBreaker, ServiceHungError, throughBreaker } from './service-breaker';

const hung = () => new ServiceCallError('Snowflake', 'query', 'unreachable', 'no answer', { cause: Object.assign(new Error('late'), { name: 'TimeoutError' }) });
const refused = () => new ServiceCallError('Airflow', 'GetDagRuns', 'unreachable', 'refused', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });

describe('breakingFailure', () => {
  it('tells a hang and a refused connection from a reset or an error answer', () => {
    expect(breakingFailure(hung())).toBe('hung');
    expect(breakingFailure(refused())).toBe('refused');
    expect(breakingFailure(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }))).toBeNull();
    expect(breakingFailure(new ServiceCallError('GitHub', 'GET /x', 'unavailable', 'HTTP 500'))).toBeNull();
  });
});

describe('the run’s service breaker', () => {
  it('after a hang, fails the service’s next calls at once, naming what happened first; other services are still called', async () => {
    const breaker = createServiceBreaker();
    await expect(throughBreaker(breaker, 'Snowflake', 'query', 10_000, () => Promise.reject(hung()))).rejects.toThrow(/no answer/);
    let called = false;
    const next = throughBreaker(breaker, 'Snowflake', 'login', 10_000, async () => {
      called = true;
    });
    await expect(next).rejects.toBeInstanceOf(ServiceHungError);
    await expect(next).rejects.toThrow('Snowflake login: not sent: Snowflake did not answer within 10 s (query) earlier in this run');
    expect(called).toBe(false);
    expect(await throughBreaker(breaker, 'Glue', 'GetJobRuns', 10_000, async () => 'answer')).toBe('answer');
  });

  it('opens on a refused connection too, but not on an error answer', async () => {
    const breaker = createServiceBreaker();
    await throughBreaker(breaker, 'GitHub', 'GET /x', 5_000, () => Promise.reject(new ServiceCallError('GitHub', 'GET /x', 'unavailable', 'HTTP 500'))).catch(() => undefined);
    expect(await throughBreaker(breaker, 'GitHub', 'GET /x', 5_000, async () => 'answer')).toBe('answer');
    await throughBreaker(breaker, 'Airflow', 'GetDagRuns', 5_000, () => Promise.reject(refused())).catch(() => undefined);
    expect(() => breaker.guard('Airflow', 'GetTaskInstances')).toThrow(/Airflow refused the connection \(GetDagRuns\)/);
  });
});
