import { describe, expect, it } from 'vitest';
import type { CallRecord } from './call-log';
import { criticalPath } from './critical-path';

let seq = 0;
const call = (startedMs: number, endedMs: number | undefined, trace?: { id: string; step: string; after: string[] }): CallRecord => ({
  seq: ++seq, at: '', service: 's3', operation: 'GetObject', mutates: false, status: 200, bytesOut: 0, startedMs, ...(endedMs === undefined ? {} : { endedMs }), ...(trace ? { trace } : {}),
});

describe('the critical path of a call log', () => {
  it('follows what each call waited for, not the order calls arrived in', () => {
    const calls = [
      call(0, 100, { id: '1', step: 'a', after: [] }),
      call(0, 50, { id: '2', step: 'b', after: [] }),
      call(100, 200, { id: '3', step: 'a', after: ['1'] }),
      call(105, 205, { id: '4', step: 'b', after: ['2', '1'] }), // b waited for a shared load (call 1) too
      call(205, 305, { id: '5', step: 'b', after: ['4'] }),
      call(300, 400, { id: '6', step: 'c', after: [] }), // arrived last, depends on nothing
    ];
    const path = criticalPath(calls);
    expect(path.calls.map((c) => c.trace!.id)).toEqual(['1', '4', '5']);
    expect(path.ms).toBe(300);
  });

  it('counts retries of one call once, from first arrival to last answer, and leaves unanswered calls out', () => {
    const calls = [call(0, 50, { id: '1', step: 'a', after: [] }), call(60, 110, { id: '1', step: 'a', after: [] }), call(0, undefined, { id: '2', step: 'a', after: ['1'] })];
    expect(criticalPath(calls)).toMatchObject({ ms: 110, calls: [{ trace: { id: '1' } }] });
  });

  it('lets an untraced call stand alone, and is empty for an empty log', () => {
    expect(criticalPath([call(0, 70)]).ms).toBe(70);
    expect(criticalPath([])).toEqual({ ms: 0, calls: [] });
  });
});
