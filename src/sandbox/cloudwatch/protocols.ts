import { ZodError } from 'zod';
import { header, type SandboxRequest, type SandboxResponse } from '../core/http';
import type { ServiceEnv, ServiceReply } from '../core/service';
import { awsJsonReply, epochSeconds, queryCompatibleJsonError, targetOperation } from '../aws-json/protocol';
import { InvalidTokenError } from '../aws-json/pagination';
import { readQueryInput } from '../aws-query/params';
import { queryResultXml } from '../aws-query/result-xml';
import { validationMessage } from '../aws-query/validation';
import { queryError, queryResponse, type QueryService } from '../aws-query/xml';
import { permissionList } from '../authorization/permission';
import type { SandboxStates } from '../states';
import type { CloudwatchOperation, CloudwatchResult } from './operation';

/** CloudWatch's query protocol: its namespace and API version. */
export const cloudwatchQuery: QueryService = { namespace: 'http://monitoring.amazonaws.com/doc/2010-08-01/', version: '2010-08-01' };

/** The X-Amz-Target prefix of CloudWatch's JSON protocol (awsJson1_0, query-compatible). */
export const cloudwatchTargetPrefix = 'GraniteServiceVersion20100801';

/** A JSON-shaped value with its Dates as epoch seconds, as AWS JSON sends times. */
function withEpochSeconds(value: unknown): unknown {
  if (value instanceof Date) return epochSeconds(value);
  if (Array.isArray(value)) return value.map(withEpochSeconds);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withEpochSeconds(v)]));
  return value;
}

const jsonError = (code: string, message: string, status: number) => queryCompatibleJsonError('1.0', code, message, status);

function answer(run: () => CloudwatchResult, asJson: boolean, action: string, input: Record<string, unknown>): SandboxResponse {
  let outcome: CloudwatchResult;
  try {
    outcome = run();
  } catch (error) {
    if (error instanceof ZodError) outcome = { error: { code: 'ValidationError', message: validationMessage(error, input) } };
    else if (error instanceof InvalidTokenError) outcome = { error: { code: 'InvalidNextToken', message: 'The service returned an invalid NextToken.' } };
    else throw error;
  }
  if ('error' in outcome) {
    const status = outcome.error.status ?? 400;
    return asJson ? jsonError(outcome.error.code, outcome.error.message, status) : queryError(cloudwatchQuery, status, outcome.error.code, outcome.error.message);
  }
  return asJson ? awsJsonReply('1.0', withEpochSeconds(outcome.result)) : queryResponse(cloudwatchQuery, action, queryResultXml(outcome.result));
}

/**
 * Serves CloudWatch in both protocols its clients send: awsJson1_0 with `X-Amz-Target` (the installed AWS SDK v3,
 * query-compatible: errors carry `x-amzn-query-error`) and awsQuery (`Action=…` form, XML answers: the AWS CLI v2).
 */
export function serveCloudwatch(operations: Record<string, CloudwatchOperation>, request: SandboxRequest, env: ServiceEnv<SandboxStates>): ServiceReply {
  const asJson = header(request, 'x-amz-target') !== undefined;
  let input: Record<string, unknown>;
  let action: string;
  if (asJson) {
    action = targetOperation(request) ?? 'unknown';
    try {
      input = request.body.length ? (JSON.parse(request.body.toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      return { response: jsonError('SerializationException', 'The request body is not valid JSON', 400), call: { operation: action, mutates: false } };
    }
  } else {
    const { Action, Version: _version, ...rest } = readQueryInput(request);
    action = typeof Action === 'string' ? Action : 'unknown';
    input = rest;
  }
  const call = { operation: action, mutates: false };
  const operation = Object.hasOwn(operations, action) ? operations[action] : undefined;
  if (!operation) {
    const message = `Could not find operation ${action} for version ${cloudwatchQuery.version}`;
    return { response: asJson ? jsonError('InvalidAction', message, 400) : queryError(cloudwatchQuery, 400, 'InvalidAction', message), call };
  }
  let denied: string | undefined;
  const authorized = (parsed: Record<string, unknown>): CloudwatchResult => {
    const denial = env.authorize?.(request, action, operation.permission ? permissionList(operation.permission(parsed, env)) : undefined);
    if (!denial) return operation.run(parsed, env);
    denied = denial.action;
    return { error: { code: 'AccessDenied', message: denial.message, status: 403 } };
  };
  const response = answer(() => authorized(operation.input.parse(input) as Record<string, unknown>), asJson, action, input);
  return { response, call: denied ? { ...call, denied } : call };
}
