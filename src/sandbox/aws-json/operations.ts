import type { SandboxRequest } from '../core/http';
import type { ServiceEnv, ServiceReply } from '../core/service';
import { awsJsonError, awsJsonReply, targetOperation, type AwsJsonVersion } from './protocol';
import { InvalidTokenError } from './pagination';
import { permissionList, type PermissionOf } from '../authorization/permission';
import { ZodError, type z } from 'zod';

/** An operation's answer: the response body, or an error in the protocol's shape. */
export type OperationResult = { body: unknown } | { error: { type: string; message: string; status?: number } };

/** One AWS JSON operation: its input schema, whether it changes state, and its handler. */
export interface JsonOperation<States, Schema extends z.ZodType = z.ZodType> {
  input: Schema;
  mutates: boolean;
  /** The IAM action and resource ARN a request needs; an operation without one is denied while a caller policy is enforced. */
  permission?: PermissionOf<z.infer<Schema>, ServiceEnv<States>>;
  run(input: z.infer<Schema>, env: ServiceEnv<States>): OperationResult;
}

/** Declares an operation; the identity function that ties the handler's input to its schema. */
export function jsonOperation<States, Schema extends z.ZodType>(operation: JsonOperation<States, Schema>): JsonOperation<States, Schema> {
  return operation;
}

/** The error result of an operation. */
export function operationError(type: string, message: string, status = 400): OperationResult {
  return { error: { type, message, status } };
}

/** How one AWS JSON service names its errors. */
export interface JsonProtocol {
  version: AwsJsonVersion;
  /** The error type of a pagination token the service did not issue (`InvalidToken`, `InvalidInputException`). */
  invalidTokenType: string;
}

/**
 * Serves an AWS JSON protocol: reads `X-Amz-Target`, validates the body against the operation's schema
 * (ValidationException otherwise), authorizes it against the caller policy when one is enforced (AccessDeniedException,
 * HTTP 400, otherwise) and answers in the protocol's wire shape.
 */
export function serveJsonOperations<States>(
  { version, invalidTokenType }: JsonProtocol,
  operations: Record<string, JsonOperation<States>>,
  request: SandboxRequest,
  env: ServiceEnv<States>,
): ServiceReply {
  const name = targetOperation(request) ?? 'unknown';
  const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
  if (!operation) {
    return { response: awsJsonError(version, 'UnknownOperationException', `The sandbox does not implement ${name}`), call: { operation: name, mutates: false } };
  }
  const call = { operation: name, mutates: operation.mutates };
  let body: unknown;
  try {
    body = request.body.length ? JSON.parse(request.body.toString('utf8')) : {};
  } catch {
    return { response: awsJsonError(version, 'SerializationException', 'The request body is not valid JSON'), call };
  }
  try {
    const input = operation.input.parse(body);
    const denial = env.authorize?.(request, name, operation.permission ? permissionList(operation.permission(input, env)) : undefined);
    if (denial) return { response: awsJsonError(version, 'AccessDeniedException', denial.message), call: { ...call, mutates: false, denied: denial.action } };
    const result = operation.run(input, env);
    if ('error' in result) return { response: awsJsonError(version, result.error.type, result.error.message, result.error.status ?? 400), call };
    return { response: awsJsonReply(version, result.body), call };
  } catch (error) {
    if (error instanceof ZodError) {
      const detail = error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
      return { response: awsJsonError(version, 'ValidationException', `1 validation error detected: ${detail}`), call };
    }
    if (error instanceof InvalidTokenError) return { response: awsJsonError(version, invalidTokenType, error.message), call };
    throw error;
  }
}
