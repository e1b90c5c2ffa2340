import { permissionList } from '../authorization/permission';
import type { ServiceHandler } from '../core/service';
import type { SandboxStates } from '../states';
import { s3RequestOperation } from './request-operation';
import { s3Error } from './xml';

/**
 * The simulated S3, REST-XML: buckets, objects with ranges, puts and deletes, listing, notification configuration.
 * While a caller policy is enforced, a request it does not allow is answered 403 AccessDenied (no body for a HEAD).
 */
export const handler: ServiceHandler<SandboxStates> = {
  async handle(request, env) {
    const operation = s3RequestOperation(request, env);
    const denial = env.authorize?.(request, operation.name, operation.permission ? permissionList(operation.permission) : undefined);
    if (denial) {
      return { response: request.method === 'HEAD' ? { status: 403 } : s3Error(403, 'AccessDenied', denial.message), call: { operation: operation.name, mutates: false, denied: denial.action } };
    }
    return operation.run();
  },
};
