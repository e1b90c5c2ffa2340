import { describe, expect, it } from 'vitest';
import { readBackendLocking } from './backend-config';

describe('reading the locking of a Terraform backend block', () => {
  it('reads the type, dynamodb_table and use_lockfile, ignoring comments and braces inside strings', () => {
    const hcl = 'terraform {\n  # backend "local" {}\n  backend "s3" {\n    bucket = "a{b}"\n    dynamodb_table = "locks" // the lock table\n    use_lockfile = true\n  }\n}\n';
    expect(readBackendLocking(hcl)).toEqual({ kind: 'backend', type: 's3', dynamodbTable: 'locks', useLockfile: true });
  });

  it('sees no table when the line is commented out, and no backend when there is no block', () => {
    expect(readBackendLocking('terraform {\n  backend "s3" {\n    /* dynamodb_table = "locks" */\n  }\n}')).toEqual({ kind: 'backend', type: 's3', dynamodbTable: null, useLockfile: false });
    expect(readBackendLocking('provider "aws" {}')).toEqual({ kind: 'no-backend' });
  });

  it('names what it cannot read: an unclosed block, a table name that is an expression', () => {
    expect(readBackendLocking('terraform {\n  backend "s3" {\n    bucket = "b"\n')).toEqual({ kind: 'unreadable', problem: 'the backend "s3" block does not close' });
    expect(readBackendLocking('terraform {\n  backend "s3" {\n    dynamodb_table = var.lock_table\n  }\n}')).toMatchObject({ kind: 'unreadable', problem: expect.stringContaining('dynamodb_table is var.lock_table') });
  });
});
