import { describe, expect, it } from 'vitest';
import { describeOutcomes, runInWorld } from './support/project';

/** The steps whose checks sample the Glue input with ranged S3 reads, and the world where they find the corrupt file. */
const world = 'glue-corrupt-json';
const sampling = ['3.1.3', '3.1.4'];

describe('S3 ranged reads under faults', () => {
  it('a body cut short on each read’s first attempt is read again: the sample gives the world’s own verdicts', async () => {
    const baseline = await runInWorld(world, ['3.1']);
    const faulted = await runInWorld(world, ['3.1'], { sandboxFaults: [{ service: 's3', operation: 'GetObject', times: 1, per: 'call', effect: { kind: 'truncated-body' } }] });
    for (const step of sampling) {
      const before = baseline.results.find((r) => r.step === step)!;
      const after = faulted.results.find((r) => r.step === step)!;
      expect(after.status, `${step}\n${describeOutcomes(faulted)}`).toBe(before.status);
      expect(after.summary).toBe(before.summary);
    }
  }, 60_000);

  it('a body shorter than its Content-Range is an error naming S3 GetObject, never a verdict about the file', async () => {
    const report = await runInWorld(world, ['3.1'], { sandboxFaults: [{ service: 's3', operation: 'GetObject', effect: { kind: 'malformed-body' } }] });
    for (const step of sampling) {
      const outcome = report.results.find((r) => r.step === step)!;
      expect(outcome.status, `${step}\n${describeOutcomes(report)}`).toBe('error');
      expect(outcome.summary).toMatch(/S3 GetObject: s3:\/\/.*promises \d+/);
    }
  }, 60_000);
});
