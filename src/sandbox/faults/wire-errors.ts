import { randomUUID } from 'node:crypto';
import { queryCompatibleJsonError } from '../aws-json/protocol';
import { cloudwatchQuery } from '../cloudwatch/protocols';
import { snsProtocol } from '../sns/xml';
import { jsonResponse, type SandboxResponse } from '../core/http';
import type { FaultEffect } from './schema';

/** The wire protocol of each sandbox service, which decides how its throttling and credential errors look. */
const protocolOf: Readonly<Record<string, 'aws-json' | 'aws-query' | 'query-compatible' | 's3' | 'snowflake' | 'airflow' | 'github'>> = {
  sfn: 'aws-json',
  glue: 'aws-json',
  logs: 'aws-json',
  dynamodb: 'aws-json',
  cloudtrail: 'aws-json',
  events: 'aws-json',
  budgets: 'aws-json',
  iam: 'aws-query',
  sts: 'aws-query',
  sns: 'aws-query',
  // CloudWatch answers awsJson1_0 with the query code in a header (the SDK) or the query protocol (the AWS CLI), as asked.
  cloudwatch: 'query-compatible',
  s3: 's3',
  snowflake: 'snowflake',
  airflow: 'airflow',
  github: 'github',
};

const queryNamespaces: Readonly<Record<string, string>> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  sns: snsProtocol.namespace,
  cloudwatch: cloudwatchQuery.namespace,
};

function awsJson(original: SandboxResponse, status: number, type: string, message: string): SandboxResponse {
  const contentType = /^application\/x-amz-json-1\.[01]/.test(original.headers?.['content-type'] ?? '') ? original.headers!['content-type']! : 'application/x-amz-json-1.1';
  return { status, headers: { 'content-type': contentType, 'x-amzn-requestid': randomUUID(), 'x-amzn-errortype': type }, body: JSON.stringify({ __type: type, message }) };
}

function awsQuery(service: string, status: number, code: string, message: string): SandboxResponse {
  const requestId = randomUUID();
  const body = `<ErrorResponse xmlns="${queryNamespaces[service] ?? queryNamespaces.iam}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

/** An error of a query-compatible service in the protocol the request used: JSON with `x-amzn-query-error`, or query XML. */
function queryCompatible(service: string, original: SandboxResponse, status: number, code: string, message: string): SandboxResponse {
  const version = /x-amz-json-1\.1/.test(original.headers?.['content-type'] ?? '') ? '1.1' : '1.0';
  return /json/.test(original.headers?.['content-type'] ?? '') ? queryCompatibleJsonError(version, code, message, status) : awsQuery(service, status, code, message);
}

function s3(status: number, code: string, message: string): SandboxResponse {
  const requestId = randomUUID();
  return { status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId }, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>` };
}

const githubBody = (message: string, status: number) => JSON.stringify({ message, documentation_url: 'https://docs.github.com/rest', status: String(status) });
const githubType = 'application/json; charset=utf-8';

/** Throttling as the service sends it; `status` picks the other form where there are two. */
function throttled(service: string, original: SandboxResponse, status: 403 | 429 | 503 | undefined): SandboxResponse {
  switch (protocolOf[service]) {
    case 'aws-json':
      return awsJson(original, 400, 'ThrottlingException', 'Rate exceeded');
    case 'aws-query':
      return awsQuery(service, 400, 'Throttling', 'Rate exceeded');
    case 'query-compatible':
      return queryCompatible(service, original, 400, 'Throttling', 'Rate exceeded');
    case 's3':
      return s3(503, 'SlowDown', 'Please reduce your request rate.');
    case 'github': {
      if (status === 429) return { status: 429, headers: { 'content-type': githubType, 'retry-after': '1' }, body: githubBody('You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', 429) };
      // The limit resets at the next whole second, so that a retry within the sandbox's short waits gets through.
      const reset = String(Math.ceil(Date.now() / 1000));
      return { status: 403, headers: { 'content-type': githubType, 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': reset, 'x-ratelimit-resource': 'core' }, body: githubBody('API rate limit exceeded for user ID 1.', 403) };
    }
    case 'airflow':
      if (status === 503) return jsonResponse(503, { detail: 'Service Unavailable' });
      return { ...jsonResponse(429, { detail: 'Rate limit exceeded: 100 per 1 minute' }), headers: { 'content-type': 'application/json', 'retry-after': '1' } };
    case 'snowflake':
      return { status: status === 503 ? 503 : 429, headers: { 'content-type': 'text/plain' }, body: status === 503 ? 'Service Unavailable' : 'Too Many Requests' };
    default:
      return jsonResponse(429, { message: 'Too Many Requests' });
  }
}

/** Expired credentials as the service says so. */
function expired(service: string, operation: string, original: SandboxResponse): SandboxResponse {
  switch (protocolOf[service]) {
    case 'aws-json':
      return awsJson(original, 400, 'ExpiredTokenException', 'The security token included in the request is expired');
    case 'aws-query':
      return awsQuery(service, 403, 'ExpiredToken', 'The security token included in the request is expired');
    case 'query-compatible':
      return queryCompatible(service, original, 403, 'ExpiredToken', 'The security token included in the request is expired');
    case 's3':
      return s3(400, 'ExpiredToken', 'The provided token has expired.');
    case 'github':
      return { status: 401, headers: { 'content-type': githubType }, body: githubBody('Bad credentials', 401) };
    case 'airflow':
      return jsonResponse(401, { detail: 'Invalid JWT token: Signature has expired' });
    case 'snowflake':
      return operation === 'login'
        ? jsonResponse(200, { data: { nextAction: 'RETRY_LOGIN', authnMethod: 'TOKEN' }, code: '390114', message: 'Authentication token has expired.  The user must authenticate again.', success: false, headers: null })
        : jsonResponse(200, { data: { errorCode: '390112', sqlState: '08001' }, code: '390112', message: 'Your session has expired. Please login again.', success: false, headers: null });
    default:
      return jsonResponse(401, { message: 'credentials expired' });
  }
}

/**
 * AccessDenied as an AWS service sends it: AWS JSON `AccessDeniedException` (HTTP 400), query `AccessDenied` (403), S3
 * `AccessDenied` (403); a service this table does not know yet answers in the JSON form when its answer was JSON, else XML.
 */
export function accessDeniedResponse(service: string, original: SandboxResponse, message: string): SandboxResponse {
  const protocol = protocolOf[service] ?? (/json/.test(original.headers?.['content-type'] ?? '') ? 'aws-json' : 'aws-query');
  if (protocol === 's3') return s3(403, 'AccessDenied', message);
  if (protocol === 'aws-query') return awsQuery(service, 403, 'AccessDenied', message);
  if (protocol === 'query-compatible') return queryCompatible(service, original, 403, 'AccessDenied', message);
  return awsJson(original, 400, 'AccessDeniedException', message);
}

/** The answer a `throttle` or `expired-credentials` fault sends instead of `original`, in `service`'s own wire shape. */
export function protocolFaultResponse(service: string, operation: string, original: SandboxResponse, effect: Extract<FaultEffect, { kind: 'throttle' | 'expired-credentials' }>): SandboxResponse {
  return effect.kind === 'throttle' ? throttled(service, original, effect.status) : expired(service, operation, original);
}
