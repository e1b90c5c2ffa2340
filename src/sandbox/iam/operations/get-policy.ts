import { z } from 'zod';
import { arn } from '../inputs';
import { policyShape } from '../shapes';
import { iamResponse, noSuchPolicy } from '../xml';
import { iamOperation } from './operation';

/** GetPolicy: a managed policy's metadata (default version, attachment count, dates); its document is GetPolicyVersion's. */
export const getPolicy = iamOperation({
  input: z.object({ PolicyArn: arn }),
  mutates: false,
  permission: (input) => ({ action: 'iam:GetPolicy', resource: input.PolicyArn }),
  run(input, env) {
    const policy = env.states.iam.policies.get(input.PolicyArn);
    if (!policy) return noSuchPolicy(input.PolicyArn);
    return iamResponse('GetPolicy', { Policy: policyShape(env.states.iam, policy, true) });
  },
});
