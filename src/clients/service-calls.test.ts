import { describe, expect, it } from 'vitest';
import { describeCallError, observeCall, statementOperation, type ServiceCall } from './service-calls';

describe('observeCall', () => {
  it('tells the listener of a call that succeeded and passes its value through', async () => {
    const calls: ServiceCall[] = [];
    expect(await observeCall((c) => calls.push(c), 's3', 'ListObjectsV2', async () => 42)).toBe(42);
    expect(calls).toEqual([{ service: 's3', operation: 'ListObjectsV2', durationMs: expect.any(Number), outcome: 'ok' }]);
  });

  it('tells the listener of a call that failed, with the error and its HTTP status, and rethrows it', async () => {
    const calls: ServiceCall[] = [];
    const failure = Object.assign(new Error('no such bucket'), { name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });
    await expect(observeCall((c) => calls.push(c), 's3', 'ListObjectsV2', () => Promise.reject(failure))).rejects.toBe(failure);
    expect(calls).toEqual([expect.objectContaining({ outcome: 'error', error: 'NoSuchBucket (404)' })]);
  });

  it('runs the call unchanged when nobody listens, and when the listener itself throws', async () => {
    expect(await observeCall(undefined, 's3', 'x', async () => 'plain')).toBe('plain');
    expect(await observeCall(() => { throw new Error('broken listener'); }, 's3', 'x', async () => 'still')).toBe('still');
  });
});

describe('how calls are named', () => {
  it('names an error by its class, with a status or code when the service gave one', () => {
    expect(describeCallError(Object.assign(new Error('x'), { name: 'AirflowHttpError', status: 503 }))).toBe('AirflowHttpError (503)');
    expect(describeCallError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe('Error (ECONNRESET)');
    expect(describeCallError(new TypeError('x'))).toBe('TypeError');
  });

  it('names a statement by its start, whitespace folded, at most 60 characters', () => {
    expect(statementOperation('SHOW EXTERNAL TABLES\n   LIKE \'X\'')).toBe("SHOW EXTERNAL TABLES LIKE 'X'");
    expect(statementOperation(`SELECT ${'a, '.repeat(40)}b FROM t`)).toHaveLength(60);
  });
});
