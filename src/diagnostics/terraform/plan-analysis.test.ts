import { describe, expect, it } from 'vitest';
import { defaultProtectedTypes } from '../../config/areas/terraform';
import { countActions } from './action-counts';
import { changedPaths, describeDrift } from './drift';
import { addressMatches, protectedDestroys } from './protected-resources';
import type { ResourceChange } from './resource-change';

const change = (address: string, type: string, action: ResourceChange['action'], extra: Partial<ResourceChange> = {}): ResourceChange => ({ address, type, mode: 'managed', action, before: null, after: null, ...extra });

describe('action counts', () => {
  it('counts each action once, a replace as a replace rather than a delete and a create, and imports and moves besides', () => {
    const counts = countActions([
      change('a.a', 'a', 'create'),
      change('a.b', 'a', 'replace'),
      change('a.c', 'a', 'no-op', { importing: { id: 'x' } }),
      change('a.d', 'a', 'delete'),
      change('a.e', 'a', 'read'),
      change('a.f', 'a', 'forget'),
      change('a.g', 'a', 'update', { previousAddress: 'a.old' }),
    ]);
    expect(counts).toEqual({ create: 1, update: 1, delete: 1, replace: 1, read: 1, 'no-op': 1, forget: 1, import: 1, move: 1 });
  });
});

describe('protected resources', () => {
  const policy = { types: defaultProtectedTypes, addresses: ['module.state.*'] };

  it('flags deletes and replaces of protected types and addresses, and nothing else', () => {
    const found = protectedDestroys(
      [
        change('aws_s3_bucket.processed', 'aws_s3_bucket', 'replace', { replaceOrder: 'delete-first', reason: 'replace_because_cannot_update', replacePaths: ['bucket'] }),
        change('aws_s3_bucket.logs', 'aws_s3_bucket', 'update'),
        change('aws_glue_job.transform', 'aws_glue_job', 'delete'),
        change('module.state.aws_kms_key.state', 'aws_kms_key', 'delete'),
        change('aws_iam_role.glue', 'aws_iam_role', 'create'),
      ],
      policy,
    );
    expect(found).toEqual([
      { address: 'aws_s3_bucket.processed', type: 'aws_s3_bucket', action: 'replace', replaceOrder: 'delete-first', planReason: 'replace_because_cannot_update', replacePaths: ['bucket'], protectedBy: 'type aws_s3_bucket' },
      { address: 'module.state.aws_kms_key.state', type: 'aws_kms_key', action: 'delete', planReason: 'not given', replacePaths: [], protectedBy: 'address module.state.*' },
    ]);
  });

  it('ignores data sources, which Terraform never destroys', () => {
    expect(protectedDestroys([{ ...change('data.aws_s3_bucket.x', 'aws_s3_bucket', 'delete'), mode: 'data' }], policy)).toEqual([]);
  });

  it('matches address patterns literally except for *', () => {
    expect(addressMatches('aws_s3_bucket.raw["eu"]', 'aws_s3_bucket.raw[*]')).toBe(true);
    expect(addressMatches('aws_s3_bucketXraw', 'aws_s3_bucket.raw')).toBe(false);
  });
});

describe('drift', () => {
  it('lists the dotted paths of changed attributes, treating null and {} as different', () => {
    expect(changedPaths({ a: 1, tags: null, nested: { x: 1, y: 2 } }, { a: 1, tags: {}, nested: { x: 1, y: 3 } })).toEqual(['nested.y', 'tags']);
  });

  it('describes drifted resources, skipping no-op entries and giving deletions no attribute list', () => {
    const drifted = describeDrift([
      change('aws_glue_job.t', 'aws_glue_job', 'update', { before: { workers: 10 }, after: { workers: 2 } }),
      change('aws_sqs_queue.q', 'aws_sqs_queue', 'delete', { before: { name: 'q' } }),
      change('aws_s3_bucket.b', 'aws_s3_bucket', 'no-op'),
    ]);
    expect(drifted).toEqual([
      { address: 'aws_glue_job.t', type: 'aws_glue_job', action: 'update', changedAttributes: ['workers'] },
      { address: 'aws_sqs_queue.q', type: 'aws_sqs_queue', action: 'delete', changedAttributes: [] },
    ]);
  });
});
