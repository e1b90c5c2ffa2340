import { z } from 'zod';
import { sandboxAccountId } from '../../aws-json/account';
import { queryOperation } from '../../aws-query/operations';
import { signingAccessKey } from '../../aws-query/params';
import { queryError, queryResponse } from '../../aws-query/xml';
import { principalArn, principalId, userByAccessKey } from '../../iam/principals';
import type { SandboxStates } from '../../states';
import { stsProtocol } from '../xml';

const input = z.object({});

/**
 * GetCallerIdentity: the IAM user whose access key signed the request (the world's IAM users hold the keys),
 * InvalidClientTokenId (403) for a key no user holds, MissingAuthenticationToken (403) for an unsigned request.
 * No permission is needed, as in AWS.
 */
export const getCallerIdentity = queryOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  // AWS authorizes no permission for it: a policy that denies sts:GetCallerIdentity still lets the caller ask who it is.
  permission: () => [],
  run(_input, env, request) {
    const key = signingAccessKey(request);
    if (!key) return queryError(stsProtocol, 403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    const user = userByAccessKey(env.states.iam, key);
    if (!user) return queryError(stsProtocol, 403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    return queryResponse(stsProtocol, 'GetCallerIdentity', { Arn: principalArn(user), UserId: principalId(user), Account: sandboxAccountId });
  },
});
