import { describe, expect, it } from 'vitest';
import { FaultFlagError, parseFaultFlag } from './parse-flag';
import { FaultPlan } from './plan';

describe('FaultPlan', () => {
  it('hits a share of calls close to its rate, and the same calls again with the same seed', () => {
    const pattern = (seed: number) => {
      const plan = new FaultPlan([{ rate: 0.3, effect: { kind: 'reset' } }], seed);
      return Array.from({ length: 1_000 }, () => plan.decide('s3', 'GetObject').effect?.kind === 'reset');
    };
    const hits = pattern(7).filter(Boolean).length;
    expect(hits).toBeGreaterThan(250);
    expect(hits).toBeLessThan(350);
    expect(pattern(7)).toEqual(pattern(7));
    expect(pattern(8)).not.toEqual(pattern(7));
  });

  it('lets the first matching fault that is not latency win, and adds every matching latency', () => {
    const plan = new FaultPlan([
      { effect: { kind: 'latency', ms: 10 } },
      { service: 's3', effect: { kind: 'hang' } },
      { service: 's3', effect: { kind: 'reset' } },
      { service: 's3', effect: { kind: 'latency', ms: 5 } },
    ]);
    expect(plan.decide('s3', 'GetObject')).toEqual({ latencyMs: 15, effect: { kind: 'hang' }, applied: ['latency', 'hang', 'latency'] });
    expect(plan.decide('glue', 'GetJob')).toEqual({ latencyMs: 10, applied: ['latency'] });
  });

  it('with per: call, counts times for each call apart', () => {
    const plan = new FaultPlan([{ times: 1, per: 'call', effect: { kind: 'reset' } }]);
    const hit = (call: string) => plan.decide('s3', 'GetObject', call).effect?.kind === 'reset';
    expect([hit('a'), hit('a'), hit('b'), hit('a'), hit('b')]).toEqual([true, false, true, false, false]);
  });

  it('refuses an invalid fault with the path of what is wrong', () => {
    expect(() => new FaultPlan([{ effect: { kind: 'latency', ms: -1 } } as never])).toThrow(/ms/);
  });
});

describe('parseFaultFlag', () => {
  it.each([
    ['*=latency:100', { effect: { kind: 'latency', ms: 100 } }],
    ['sfn.DescribeStateMachine=empty-body', { service: 'sfn', operation: 'DescribeStateMachine', effect: { kind: 'empty-body' } }],
    ['s3=status:503,rate=0.2', { service: 's3', rate: 0.2, effect: { kind: 'status', status: 503 } }],
    ['snowflake=hang,times=1', { service: 'snowflake', times: 1, effect: { kind: 'hang' } }],
    ['github=throttle', { service: 'github', effect: { kind: 'throttle' } }],
    ['github=throttle:429', { service: 'github', effect: { kind: 'throttle', status: 429 } }],
    ['*=reset,times=1,per=call', { times: 1, per: 'call', effect: { kind: 'reset' } }],
    ['airflow=expired-credentials', { service: 'airflow', effect: { kind: 'expired-credentials' } }],
  ])('reads %s', (flag, spec) => {
    expect(parseFaultFlag(flag)).toEqual(spec);
  });

  it.each([
    ['latency:100', /expected SERVICE/],
    ['*=latency', /needs a value/],
    ['*=reset:3', /takes no value/],
    ['*=explode', /effect\.kind/],
    ['*=reset,often=1', /expected rate or times/],
    ['*=reset,rate=2', /rate/],
    ['*=throttle:418', /status/],
    ['*=reset,per=step', /per/],
  ])('refuses %s with a message that says what was expected', (flag, message) => {
    expect(() => parseFaultFlag(flag)).toThrow(FaultFlagError);
    expect(() => parseFaultFlag(flag)).toThrow(message);
  });
});
