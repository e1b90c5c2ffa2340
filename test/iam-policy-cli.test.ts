import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../src/least-privilege';
import { check, describeRun } from './support/cli';

describe('npm run check -- --iam-policy, through the spawned CLI (issue 12, item 1)', { timeout: 120_000 }, () => {
  it('prints the policy documents of a scenario as one JSON document with --json, actions apart', async () => {
    const run = await check('--iam-policy', '3.1', '--env', 'prod', '--json');
    expect(run.code, describeRun(run)).toBe(0);
    const document = JSON.parse(run.stdout) as { environment: string; readOnly: PolicyDocument; remediation: PolicyDocument; actions: string[]; unmapped: string[] };
    expect(document).toMatchObject({ environment: 'prod', actions: ['rerun-execution'], unmapped: [] });
    expect(document.readOnly.Statement.flatMap((s) => s.Action)).toEqual(expect.arrayContaining(['glue:GetJobRuns', 'logs:FilterLogEvents', 's3:ListBucket', 's3:GetObject', 'states:DescribeExecution']));
    expect(document.remediation.Statement.flatMap((s) => s.Action).sort()).toEqual(['states:RedriveExecution', 'states:StartExecution']);
  });

  it('prints the IAM policies as JSON and the other systems\' grants as text, and refuses an unknown scenario with exit 2', async () => {
    const [all, unknown] = await Promise.all([check('--iam-policy'), check('--iam-policy', '9.9')]);
    expect(all.code, describeRun(all)).toBe(0);
    expect(all.stdout).toContain('# AWS: IAM policy for the read-only checks');
    expect(all.stdout).toContain('"Version": "2012-10-17"');
    expect(all.stdout).toContain('GRANT USAGE ON WAREHOUSE ANALYTICS_WH TO ROLE RUNBOOK_READER;');
    expect(all.stdout).toContain('Repository permissions: Actions: Read-only, Environments: Read-only, Contents: Read-only, Metadata: Read-only');
    expect(all.stdout).toContain('can read on Task Logs');
    expect(unknown.code, describeRun(unknown)).toBe(2);
    expect(unknown.stderr).toContain('Unknown scenario or step "9.9"');
  });

  it('--sandbox-caller-policy makes the sandbox enforce a policy: a step whose call it denies is an error naming the action (exit 2); a bad file is named', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-caller-policy-'));
    try {
      const printed = await check('--iam-policy', '3.3', '--json');
      const readOnly = (JSON.parse(printed.stdout) as { readOnly: PolicyDocument }).readOnly;
      const Statement = readOnly.Statement.map((s) => ({ ...s, Action: s.Action.filter((a) => a !== 's3:GetBucketNotification') })).filter((s) => s.Action.length);
      const policy = path.join(dir, 'policy.json');
      writeFileSync(policy, JSON.stringify({ ...readOnly, Statement }));
      const broken = path.join(dir, 'broken.json');
      writeFileSync(broken, '{"Statement": [{"Effect": "Maybe"}]}');
      const [denied, bad, real] = await Promise.all([
        check('3.3', '--sandbox-caller-policy', policy, '--no-save', '--no-color'),
        check('3.3', '--sandbox-caller-policy', broken, '--no-save'),
        check('3.3', '--env', 'prod', '--sandbox-caller-policy', policy, '--no-save'),
      ]);
      expect(denied.code, describeRun(denied)).toBe(2);
      expect(denied.stdout).toMatch(/3\.3\.1.*\n?.*access denied: the caller may not s3:GetBucketNotification/);
      expect(bad.code, describeRun(bad)).toBe(2);
      expect(bad.stderr).toContain(`Unexpected caller policy in ${broken}: Statement.0.Effect`);
      expect(real.code, describeRun(real)).toBe(2);
      expect(real.stderr).toContain('--sandbox-caller-policy applies to a sandbox environment only; "prod" is a real environment');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
