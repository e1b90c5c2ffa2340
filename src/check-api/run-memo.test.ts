import { describe, expect, it } from 'vitest';
import { createRunMemo } from './run-memo';

const signal = () => new AbortController().signal;

describe('the run memo', () => {
  it('loads a key once for every check of the run, and each distinct key on its own', async () => {
    const memo = createRunMemo();
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = [memo.forCheck(signal()), memo.forCheck(signal())];
    expect(await Promise.all([a(['sfn:GetExecutionHistory', 'arn-1'], load), b(['sfn:GetExecutionHistory', 'arn-1'], load)])).toEqual([1, 1]);
    expect(await a(['sfn:GetExecutionHistory', 'arn-2'], load)).toBe(2);
    expect(loads).toBe(2);
  });

  it('gives every check the same failure, and loads again after clear()', async () => {
    const memo = createRunMemo();
    let loads = 0;
    const failing = async () => {
      loads++;
      throw new Error('throttled');
    };
    await expect(memo.forCheck(signal())(['k'], failing)).rejects.toThrow('throttled');
    await expect(memo.forCheck(signal())(['k'], failing)).rejects.toThrow('throttled');
    expect(loads).toBe(1);
    memo.clear();
    await expect(memo.forCheck(signal())(['k'], failing)).rejects.toThrow('throttled');
    expect(loads).toBe(2);
  });

  it("ends a check's wait when its own signal aborts, without aborting the load for the others", async () => {
    const memo = createRunMemo();
    let release!: (value: string) => void;
    let loadSignal!: AbortSignal;
    const load = (runSignal: AbortSignal) => {
      loadSignal = runSignal;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const impatient = new AbortController();
    const first = memo.forCheck(impatient.signal)(['slow'], load);
    const second = memo.forCheck(signal())(['slow'], load);
    impatient.abort(new Error('timed out'));
    await expect(first).rejects.toThrow('timed out');
    expect(loadSignal.aborted).toBe(false);
    release('data');
    expect(await second).toBe('data');
    memo.close();
    expect(loadSignal.aborted).toBe(true);
  });
});
