import { ZodError, type z } from 'zod';
import type { SandboxRequest, SandboxResponse } from '../core/http';
import type { ServiceEnv, ServiceReply } from '../core/service';
import { InvalidTokenError } from '../aws-json/pagination';
import { permissionList, type PermissionOf } from '../authorization/permission';
import { readQueryInput } from './params';
import { validationMessage } from './validation';
import { queryError, type QueryService } from './xml';

/** One query-protocol action: its parameter schema, whether it changes state, and its handler. */
export interface QueryOperation<States, Schema extends z.ZodType = z.ZodType> {
  input: Schema;
  mutates: boolean;
  /** The IAM action and resource ARN a request needs; an operation without one is denied while a caller policy is enforced. */
  permission?: PermissionOf<z.infer<Schema>, ServiceEnv<States>>;
  run(input: z.infer<Schema>, env: ServiceEnv<States>, request: SandboxRequest): SandboxResponse;
}

/** Declares an action; the identity function that ties the handler's input to its schema. */
export function queryOperation<States, Schema extends z.ZodType>(operation: QueryOperation<States, Schema>): QueryOperation<States, Schema> {
  return operation;
}

/** How one query-protocol service answers what it cannot serve. */
export interface QueryProtocol extends QueryService {
  /** The error code of a `Marker` the service did not issue. */
  invalidMarkerCode: string;
}

/**
 * Serves a query protocol: reads `Action`, validates the parameters against the action's schema
 * (ValidationError otherwise), authorizes it against the caller policy when one is enforced (`AccessDenied`, HTTP 403,
 * otherwise), and answers `InvalidAction` (400) for an action it does not serve, as AWS does.
 */
export function serveQueryOperations<States>(
  protocol: QueryProtocol,
  operations: Record<string, QueryOperation<States>>,
  request: SandboxRequest,
  env: ServiceEnv<States>,
): ServiceReply {
  const input = readQueryInput(request);
  const action = typeof input.Action === 'string' ? input.Action : 'unknown';
  const operation = Object.hasOwn(operations, action) ? operations[action] : undefined;
  if (!operation) {
    return { response: queryError(protocol, 400, 'InvalidAction', `Could not find operation ${action} for version ${protocol.version}`), call: { operation: action, mutates: false } };
  }
  const call = { operation: action, mutates: operation.mutates };
  try {
    const parsed = operation.input.parse(input);
    const denial = env.authorize?.(request, action, operation.permission ? permissionList(operation.permission(parsed, env)) : undefined);
    if (denial) return { response: queryError(protocol, 403, 'AccessDenied', denial.message), call: { ...call, mutates: false, denied: denial.action } };
    return { response: operation.run(parsed, env, request), call };
  } catch (error) {
    if (error instanceof ZodError) return { response: queryError(protocol, 400, 'ValidationError', validationMessage(error, input)), call };
    if (error instanceof InvalidTokenError) return { response: queryError(protocol, 400, protocol.invalidMarkerCode, error.message), call };
    throw error;
  }
}
