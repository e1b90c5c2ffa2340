import { wildcardRegExp } from '../../util/wildcard';

/** Who made a write event, read from its CloudTrail record's `userIdentity`. */
export type ChangePrincipal =
  | { kind: 'ci'; arn: string }
  | { kind: 'aws-service'; service: string }
  | { kind: 'other'; type: string; arn: string | null; role: string | null }
  | { kind: 'unreadable'; problem: string };

/**
 * Reads an event's `CloudTrailEvent` JSON into who made the change: the CI role (a session of `ciRoleArn`), an AWS
 * service acting for the platform, or anyone else (a user, another role, the root user).
 */
export function changePrincipal(cloudTrailEvent: string | undefined, ciRoleArn: string): ChangePrincipal {
  if (!cloudTrailEvent) return { kind: 'unreadable', problem: 'it has no CloudTrailEvent' };
  let record: { userIdentity?: { type?: unknown; arn?: unknown; invokedBy?: unknown; sessionContext?: { sessionIssuer?: { arn?: unknown } } } };
  try {
    record = JSON.parse(cloudTrailEvent) as typeof record;
  } catch {
    return { kind: 'unreadable', problem: 'its CloudTrailEvent is not JSON' };
  }
  const identity = record.userIdentity;
  if (!identity || typeof identity.type !== 'string') return { kind: 'unreadable', problem: 'its CloudTrailEvent has no userIdentity.type' };
  if (identity.type === 'AWSService') return { kind: 'aws-service', service: typeof identity.invokedBy === 'string' ? identity.invokedBy : 'an AWS service' };
  const issuer = identity.sessionContext?.sessionIssuer?.arn;
  const role = typeof issuer === 'string' ? issuer : null;
  const arn = typeof identity.arn === 'string' ? identity.arn : null;
  if (identity.type === 'AssumedRole' && role === ciRoleArn) return { kind: 'ci', arn: arn ?? role };
  return { kind: 'other', type: identity.type, arn, role };
}

/** True when a resource name (or an ARN's last part) matches one of the patterns; `*` matches any characters. */
export function matchesResource(name: string, patterns: readonly string[]): boolean {
  const candidates = [name, name.split(/[:/]/).at(-1) ?? name];
  return patterns.some((pattern) => {
    const regex = wildcardRegExp(pattern);
    return candidates.some((candidate) => regex.test(candidate));
  });
}
