import { describe, expect, it } from 'vitest';
import { isRunning, parsePipeStatus } from './pipe-status';
import { listProperty, propertiesOf } from './properties';
import { locationAccess } from './storage-integration';

describe('locationAccess', () => {
  const integration = (allowed: string[], blocked: string[] = []) => ({ allowedLocations: allowed, blockedLocations: blocked });

  it('allows a URL under an allowed location, with or without its trailing slash, and for *', () => {
    expect(locationAccess('s3://b/reviews/', integration(['s3://b/reviews/']))).toBe('allowed');
    expect(locationAccess('s3://b/reviews/x/', integration(['s3://b/reviews']))).toBe('allowed');
    expect(locationAccess('s3://b/reviews/', integration(['*']))).toBe('allowed');
  });

  it('does not let a location cover a sibling that merely shares its prefix', () => {
    expect(locationAccess('s3://b/reviews-old/', integration(['s3://b/reviews']))).toBe('not-allowed');
  });

  it('lets a blocked location win over an allowed one', () => {
    expect(locationAccess('s3://b/reviews/', integration(['s3://b/'], ['s3://b/reviews/']))).toBe('blocked');
  });
});

describe('DESC output properties', () => {
  it('reads property rows by upper-cased name, null values as empty', () => {
    const properties = propertiesOf([{ property: 'enabled', property_value: 'true' }, { PROPERTY: 'COMMENT', PROPERTY_VALUE: null }]);
    expect(Object.fromEntries(properties)).toEqual({ ENABLED: 'true', COMMENT: '' });
  });

  it.each([
    ['a,b', ['a', 'b']],
    ['["s3://b/x/"]', ['s3://b/x/']],
    ['[]', []],
    ['', []],
    [undefined, []],
    ['[s3://b/x/, s3://b/y/]', ['s3://b/x/', 's3://b/y/']],
  ])('reads the list property %j', (value, expected) => {
    expect(listProperty(value)).toEqual(expected);
  });
});

describe('pipe status', () => {
  it('reads the JSON string SYSTEM$EXTERNAL_TABLE_PIPE_STATUS returns', () => {
    const status = parsePipeStatus('{"executionState":"RUNNING","pendingFileCount":0,"notificationChannelName":"arn:q"}');
    expect(status).toMatchObject({ executionState: 'RUNNING', notificationChannelName: 'arn:q' });
    expect(isRunning(status)).toBe(true);
  });

  it.each(['STALLED_EXECUTION_ERROR', 'STALLED_COMPILATION_ERROR', 'STOPPED_FEATURE_DISABLED', 'STOPPED_CLONED', 'STALLED_SOMETHING_NEW', 'PAUSED'])(
    'treats %s as not running',
    (state) => expect(isRunning({ executionState: state })).toBe(false),
  );

  it('throws on anything that is not a JSON object with an executionState', () => {
    expect(() => parsePipeStatus('[]')).toThrow(/expected a JSON object with executionState/);
    expect(() => parsePipeStatus('{"pendingFileCount":1}')).toThrow(/executionState/);
    expect(() => parsePipeStatus('not json')).toThrow();
  });
});
