import { randomUUID } from 'node:crypto';
import { jsonResponse, header, type SandboxRequest, type SandboxResponse } from '../core/http';

/** The two AWS JSON protocol versions: Step Functions and DynamoDB speak 1.0, Glue and CloudWatch Logs 1.1. */
export type AwsJsonVersion = '1.0' | '1.1';

/** The operation an AWS JSON request names in `X-Amz-Target`, its last dotted part (`AWSGlue.GetJobRun` → `GetJobRun`), or null. */
export function targetOperation(request: SandboxRequest): string | null {
  const target = header(request, 'x-amz-target');
  const operation = target?.includes('.') ? target.split('.').at(-1) : undefined;
  return operation ? operation : null;
}

/** A successful AWS JSON response. */
export function awsJsonReply(version: AwsJsonVersion, value: unknown): SandboxResponse {
  const response = jsonResponse(200, value, `application/x-amz-json-${version}`);
  return { ...response, headers: { ...response.headers, 'x-amzn-requestid': randomUUID() } };
}

/** An AWS JSON error in its wire shape (`{"__type": …, "message": …}`), which the SDKs raise as the typed exception. */
export function awsJsonError(version: AwsJsonVersion, type: string, message: string, status = 400): SandboxResponse {
  const response = jsonResponse(status, { __type: type, message }, `application/x-amz-json-${version}`);
  return { ...response, headers: { ...response.headers, 'x-amzn-requestid': randomUUID(), 'x-amzn-errortype': type } };
}

/** An error of a query-compatible JSON service (CloudWatch): the `__type`, and the query code in `x-amzn-query-error`, which the SDK reads. */
export function queryCompatibleJsonError(version: AwsJsonVersion, code: string, message: string, status = 400): SandboxResponse {
  const response = awsJsonError(version, code, message, status);
  return { ...response, headers: { ...response.headers, 'x-amzn-query-error': `${code};Sender` } };
}

/** A time as the AWS JSON protocols send it: epoch seconds as a number (an ISO string makes the SDKs throw). */
export function epochSeconds(date: Date | string): number {
  return (typeof date === 'string' ? new Date(date) : date).getTime() / 1000;
}
