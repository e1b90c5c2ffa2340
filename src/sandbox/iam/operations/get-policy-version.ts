import { z } from 'zod';
import { arn } from '../inputs';
import { iamDate } from '../shapes';
import { iamError, iamResponse, noSuchPolicy } from '../xml';
import { iamOperation } from './operation';

const versionId = z.string().regex(/^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/, 'Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?');

/** GetPolicyVersion: one version of a managed policy, its document URL-encoded as IAM sends it. */
export const getPolicyVersion = iamOperation({
  input: z.object({ PolicyArn: arn, VersionId: versionId }),
  mutates: false,
  permission: (input) => ({ action: 'iam:GetPolicyVersion', resource: input.PolicyArn }),
  run(input, env) {
    const policy = env.states.iam.policies.get(input.PolicyArn);
    if (!policy) return noSuchPolicy(input.PolicyArn);
    const version = policy.versions.get(input.VersionId);
    if (!version) return iamError(404, 'NoSuchEntity', `Policy ${input.PolicyArn} version ${input.VersionId} does not exist or is not attachable.`);
    return iamResponse('GetPolicyVersion', {
      PolicyVersion: {
        Document: encodeURIComponent(version.policy.text),
        VersionId: version.versionId,
        IsDefaultVersion: version.versionId === policy.defaultVersionId,
        CreateDate: iamDate(version.createdOn),
      },
    });
  },
});
