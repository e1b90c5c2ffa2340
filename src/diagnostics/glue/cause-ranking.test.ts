import { describe, expect, it } from 'vitest';
import { rankCauses, type CauseEvidence } from './cause-ranking';
import { findSignatures } from './signatures';

const none: CauseEvidence = { signatures: [], corruptLines: 0, linesChecked: 100, schema: null, capacity: { workerType: 'G.1X', workers: 10, maxCapacity: null, totalMemoryGb: 160, problems: [] }, input: { listedBytes: 1e6, objects: 10, truncated: false } };

describe('ranking the three common causes of a Glue failure', () => {
  it('puts corrupt JSON first when the sample has corrupt lines and the logs a parse error', () => {
    const ranking = rankCauses({ ...none, corruptLines: 3, signatures: findSignatures(['JsonParseException: Unexpected end-of-input']) });
    expect(ranking.map((r) => [r.cause, r.rank, r.score])).toEqual([['corrupt-json', 1, 7], ['schema-mismatch', 2, 0], ['memory', 3, 0]]);
  });

  it('puts memory first on OOM signatures, with input size and file count as corroboration only', () => {
    const oom = rankCauses({ ...none, signatures: findSignatures(['java.lang.OutOfMemoryError: Java heap space']), input: { listedBytes: 1e12, objects: 1000, truncated: true } });
    expect(oom[0]).toMatchObject({ cause: 'memory', score: 5 });
    const noSignature = rankCauses({ ...none, input: { listedBytes: 1e12, objects: 1000, truncated: true } });
    expect(noSignature.find((r) => r.cause === 'memory')!.score).toBe(0);
  });

  it('keeps the runbook order when nothing supports any cause', () => {
    expect(rankCauses(none).map((r) => r.cause)).toEqual(['schema-mismatch', 'corrupt-json', 'memory']);
  });
});
