/** A Terraform state lock as the S3 backend writes it to DynamoDB: `LockID` and the `Info` JSON. */
export interface StateLock {
  lockId: string;
  /** Terraform's lock id (a UUID), needed for `terraform force-unlock`. */
  id: string | null;
  who: string | null;
  operation: string | null;
  version: string | null;
  created: Date | null;
  path: string | null;
}

/** A lock with its age against the threshold. */
export type LockAssessment =
  | { kind: 'stale'; lock: StateLock; ageMinutes: number }
  | { kind: 'fresh'; lock: StateLock; ageMinutes: number }
  | { kind: 'unknown-age'; lock: StateLock; problem: string };

/** True for the digest items the backend keeps beside the lock (`…/terraform.tfstate-md5`): they are not locks. */
export function isDigestItem(lockId: string, attributes: readonly string[]): boolean {
  return lockId.endsWith('-md5') || (attributes.includes('Digest') && !attributes.includes('Info'));
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** Reads a lock item's `Info` JSON; null fields where it is missing or malformed. */
export function readLockInfo(lockId: string, info: string | undefined): { lock: StateLock; problem: string | null } {
  const empty: StateLock = { lockId, id: null, who: null, operation: null, version: null, created: null, path: null };
  if (!info) return { lock: empty, problem: 'the lock item has no Info attribute' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(info);
  } catch {
    return { lock: empty, problem: 'the lock item Info is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { lock: empty, problem: 'the lock item Info is not a JSON object' };
  const fields = parsed as Record<string, unknown>;
  const createdText = text(fields.Created);
  const created = createdText ? new Date(createdText) : null;
  const lock: StateLock = {
    lockId,
    id: text(fields.ID),
    who: text(fields.Who),
    operation: text(fields.Operation),
    version: text(fields.Version),
    created: created && !Number.isNaN(created.getTime()) ? created : null,
    path: text(fields.Path),
  };
  return { lock, problem: lock.created ? null : 'the lock Info has no readable Created time' };
}

/** Judges one lock: stale when older than the threshold. */
export function assessLock(lockId: string, info: string | undefined, now: Date, staleMinutes: number): LockAssessment {
  const { lock, problem } = readLockInfo(lockId, info);
  if (problem || !lock.created) return { kind: 'unknown-age', lock, problem: problem ?? 'no Created time' };
  const ageMinutes = Math.round(((now.getTime() - lock.created.getTime()) / 60_000) * 10) / 10;
  return { kind: ageMinutes > staleMinutes ? 'stale' : 'fresh', lock, ageMinutes };
}
