import { describe, expect, it } from 'vitest';
import type { SandboxRequest } from './http';
import { routeRequest } from './route';

const request = (pathAndQuery: string, headers: Record<string, string> = {}, body = '', method = 'POST'): SandboxRequest => ({
  method,
  url: new URL(pathAndQuery, 'http://127.0.0.1:1'),
  headers,
  body: Buffer.from(body),
});
const signed = (service: string) => ({ authorization: `AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/${service}/aws4_request, SignedHeaders=host, Signature=abc` });

describe('routeRequest', () => {
  it.each([
    ['s3', 's3'],
    ['states', 'sfn'],
    ['glue', 'glue'],
    ['logs', 'logs'],
    ['iam', 'iam'],
    ['sts', 'sts'],
    ['dynamodb', 'dynamodb'],
  ])('routes a request signed for %s to %s by its credential scope', (signingName, key) => {
    expect(routeRequest(request('/', signed(signingName)))).toBe(key);
  });

  it('routes a presigned URL by its X-Amz-Credential and an unknown signing name to nothing', () => {
    expect(routeRequest(request('/bucket/key?X-Amz-Credential=AKID%2F20261125%2Feu-west-1%2Fs3%2Faws4_request', {}, '', 'GET'))).toBe('s3');
    expect(routeRequest(request('/', signed('kinesis')))).toBeNull();
  });

  it('routes unsigned JSON-protocol requests by X-Amz-Target', () => {
    expect(routeRequest(request('/', { 'x-amz-target': 'AWSStepFunctions.DescribeExecution' }))).toBe('sfn');
    expect(routeRequest(request('/', { 'x-amz-target': 'DynamoDB_20120810.Scan' }))).toBe('dynamodb');
  });

  it('routes the Snowflake driver, Airflow, GitHub and control paths by path', () => {
    expect(routeRequest(request('/session/v1/login-request'))).toBe('snowflake');
    expect(routeRequest(request('/queries/v1/query-request'))).toBe('snowflake');
    expect(routeRequest(request('/telemetry/send'))).toBe('snowflake');
    expect(routeRequest(request('/airflow/api/v1/dags'))).toBe('airflow');
    expect(routeRequest(request('/github/repos/o/r/actions/runs'))).toBe('github');
    expect(routeRequest(request('/_sandbox/calls', {}, '', 'GET'))).toBe('control');
  });

  it('routes an unsigned query-protocol POST by its API version (STS 2011-06-15, else IAM) and anything else unsigned to S3', () => {
    expect(routeRequest(request('/', {}, 'Action=SimulatePrincipalPolicy&Version=2010-05-08'))).toBe('iam');
    expect(routeRequest(request('/', {}, 'Action=GetCallerIdentity&Version=2011-06-15'))).toBe('sts');
    expect(routeRequest(request('/arai-processed?list-type=2', {}, '', 'GET'))).toBe('s3');
  });
});
