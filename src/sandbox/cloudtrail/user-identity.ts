import { createHash } from 'node:crypto';

/** CloudTrail's `userIdentity` of an event, and the `Username` LookupEvents reports, derived from the caller's ARN or service. */
export interface TrailIdentity {
  userIdentity: Record<string, unknown>;
  username: string | null;
  accessKeyId: string | null;
}

const keyOf = (prefix: string, principal: string) => `${prefix}${createHash('sha1').update(principal).digest('hex').slice(0, 16).toUpperCase()}`;

/** The identity of a principal as CloudTrail records it: an assumed-role session, an IAM user, the root user, or an AWS service. */
export function trailIdentity(principal: string): TrailIdentity {
  const session = /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(principal);
  if (session) {
    const [, partition, account, role, name] = session as unknown as [string, string, string, string, string];
    const roleId = keyOf('AROA', `${account}:${role}`);
    const accessKeyId = keyOf('ASIA', principal);
    return {
      username: name,
      accessKeyId,
      userIdentity: {
        type: 'AssumedRole',
        principalId: `${roleId}:${name}`,
        arn: principal,
        accountId: account,
        accessKeyId,
        sessionContext: {
          sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:${partition}:iam::${account}:role/${role}`, accountId: account, userName: role },
          attributes: { creationDate: '2026-01-01T00:00:00Z', mfaAuthenticated: 'false' },
        },
      },
    };
  }
  const user = /^arn:aws[\w-]*:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/.exec(principal);
  if (user) {
    const accessKeyId = keyOf('AKIA', principal);
    return { username: user[2]!, accessKeyId, userIdentity: { type: 'IAMUser', principalId: keyOf('AIDA', principal), arn: principal, accountId: user[1], accessKeyId, userName: user[2] } };
  }
  const root = /^arn:aws[\w-]*:iam::(\d{12}):root$/.exec(principal);
  if (root) return { username: 'root', accessKeyId: null, userIdentity: { type: 'Root', principalId: root[1], arn: principal, accountId: root[1] } };
  return { username: null, accessKeyId: null, userIdentity: { type: 'AWSService', invokedBy: principal } };
}
