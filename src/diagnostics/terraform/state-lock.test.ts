import { describe, expect, it } from 'vitest';
import { assessLock, isDigestItem, readLockInfo } from './state-lock';

const now = new Date('2026-11-26T12:00:00Z');
const info = (created: string) => JSON.stringify({ ID: '9db590f1-b6fe-c5f2-2678-8804f089deba', Operation: 'OperationTypeApply', Info: '', Who: 'runner@fv-az512-331', Version: '1.9.8', Created: created, Path: 'bucket/key/terraform.tfstate' });

describe('Terraform state lock items', () => {
  it('tells digest items from locks', () => {
    expect(isDigestItem('bucket/key/terraform.tfstate-md5', ['LockID', 'Digest'])).toBe(true);
    expect(isDigestItem('bucket/key/terraform.tfstate', ['LockID', 'Info'])).toBe(false);
  });

  it('reads the holder, operation, lock ID and creation time, with Terraform nanosecond timestamps', () => {
    const { lock, problem } = readLockInfo('bucket/key/terraform.tfstate', info('2026-11-26T07:00:00.123456789Z'));
    expect(problem).toBeNull();
    expect(lock).toMatchObject({ who: 'runner@fv-az512-331', operation: 'OperationTypeApply', id: '9db590f1-b6fe-c5f2-2678-8804f089deba', version: '1.9.8' });
    expect(lock.created?.toISOString()).toBe('2026-11-26T07:00:00.123Z');
  });

  it('calls a lock older than the threshold stale, and a younger one fresh', () => {
    expect(assessLock('k', info('2026-11-26T07:00:00Z'), now, 60)).toMatchObject({ kind: 'stale', ageMinutes: 300 });
    expect(assessLock('k', info('2026-11-26T11:50:00Z'), now, 60)).toMatchObject({ kind: 'fresh', ageMinutes: 10 });
  });

  it('reports an unknown age for missing, non-JSON or undated Info rather than guessing', () => {
    expect(assessLock('k', undefined, now, 60)).toMatchObject({ kind: 'unknown-age', problem: 'the lock item has no Info attribute' });
    expect(assessLock('k', '{not json', now, 60)).toMatchObject({ kind: 'unknown-age', problem: 'the lock item Info is not JSON' });
    expect(assessLock('k', JSON.stringify({ Who: 'x', Created: 'yesterday' }), now, 60)).toMatchObject({ kind: 'unknown-age', lock: { who: 'x' } });
  });
});
