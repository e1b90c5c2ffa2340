import { describe, expect, it } from 'vitest';
import { isReadOperation, isReadStatement } from './read-only';

describe('what a read-only client lets through', () => {
  it.each(['GetBucketNotificationConfigurationCommand', 'ListObjectsV2', 'DescribeExecution', 'FilterLogEvents', 'HeadObject', 'SimulatePrincipalPolicy', 'Scan', 'BatchGetItem'])(
    'lets the read %s through',
    (operation) => expect(isReadOperation(operation)).toBe(true),
  );

  it.each(['PutObjectCommand', 'PutBucketNotificationConfiguration', 'StartExecution', 'RedriveExecution', 'DeleteItem', 'StartJobRun', 'Getaway', 'Listen'])(
    'refuses %s',
    (operation) => expect(isReadOperation(operation)).toBe(false),
  );

  it.each(['SELECT 1', '  show external tables', 'DESC STAGE S', 'describe integration I', '-- note\nSELECT 1', '/* c */ WITH x AS (SELECT 1) SELECT * FROM x', 'LIST @stage'])(
    'lets the statement %j through',
    (sql) => expect(isReadStatement(sql)).toBe(true),
  );

  it.each(['ALTER EXTERNAL TABLE T REFRESH', 'DROP TABLE T', 'INSERT INTO T VALUES (1)', 'CALL P()', 'CREATE TABLE T (A INT)', ''])('refuses the statement %j', (sql) => {
    expect(isReadStatement(sql)).toBe(false);
  });
});
