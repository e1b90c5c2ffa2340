import { describe, expect, it } from 'vitest';
import { EventPatternError, glueJobFailedEvent, patternMatches } from './event-pattern';

const failed = glueJobFailedEvent('arai-raw-to-processed', '123456789012', 'eu-west-1');
const pattern = (value: unknown) => JSON.stringify(value);

describe('patternMatches, on the failure event of a Glue job', () => {
  it.each([
    [{ source: ['aws.glue'], 'detail-type': ['Glue Job State Change'], detail: { state: ['FAILED'] } }, true],
    [{ source: ['aws.glue'], detail: { jobName: ['arai-raw-to-processed'], state: ['FAILED', 'TIMEOUT'] } }, true],
    [{ source: ['aws.glue'], detail: { jobName: [{ prefix: 'arai-' }], state: [{ 'anything-but': ['SUCCEEDED', 'RUNNING'] }] } }, true],
    [{ source: ['aws.glue'], detail: { jobName: [{ wildcard: 'arai-*-processed' }] } }, true],
    [{ source: ['aws.glue'], detail: { state: [{ 'equals-ignore-case': 'failed' }], jobRunId: [{ exists: true }] } }, true],
    [{ $or: [{ source: ['aws.s3'] }, { detail: { state: ['FAILED'] } }] }, true],
    [{ source: ['aws.glue'], detail: { state: ['SUCCEEDED'] } }, false],
    [{ source: ['aws.glue'], detail: { jobName: ['other-job'] } }, false],
    [{ source: ['aws.glue'], 'detail-type': ['Glue Crawler State Change'] }, false],
    [{ source: ['aws.glue'], detail: { state: [{ 'anything-but': 'FAILED' }] } }, false],
    [{ source: ['aws.glue'], detail: { notificationCondition: [{ exists: true }] } }, false],
  ])('%j matches: %s', (value, expected) => {
    expect(patternMatches(pattern(value), failed)).toBe(expected);
  });

  it('refuses what it cannot evaluate instead of guessing: not JSON, an unknown operator, an empty list', () => {
    expect(() => patternMatches('{source: aws.glue', failed)).toThrow(EventPatternError);
    expect(() => patternMatches(pattern({ detail: { state: [{ numeric: ['>', 0] }] } }), failed)).toThrow(/detail\.state: the operator "numeric"/);
    expect(() => patternMatches(pattern({ source: [] }), failed)).toThrow(/source: an empty list/);
  });
});
