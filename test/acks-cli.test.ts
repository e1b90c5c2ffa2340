import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../src/model';
import { check, describeRun } from './support/cli';
import { tempProject } from './support/temp-project';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-acks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A project whose acknowledgements file acknowledges every step 3.3 fails in s3-notifications-missing, until `expires`. */
const acknowledging = (name: string, expires: string) =>
  tempProject(tmp, name, undefined, {}, {
    'runbook.acks.yaml': ['acknowledgements:', ...['3.3.s1', '3.3.s2', '3.3.1'].flatMap((step) => [`  - step: ${step}`, '    reason: the bucket is being migrated', '    owner: data-platform', `    expires: ${expires}`])].join('\n') + '\n',
  });

describe.concurrent('acknowledged failures, through the spawned CLI', { timeout: 180_000 }, () => {
  it('report acknowledged (never pass), count apart, and leave the exit code at 0 while in force', async () => {
    const run = await check('3.3', '--world', 's3-notifications-missing', '--root', acknowledging('in-force', '2999-01-01'), '--json', '--no-save');
    expect(run.code, describeRun(run)).toBe(0);
    const report = JSON.parse(run.stdout) as RunReport;
    expect(report.results.filter((r) => r.status === 'acknowledged').map((r) => r.step)).toEqual(['3.3.s1', '3.3.s2', '3.3.1']);
    expect(report.totals).toMatchObject({ fail: 0, acknowledged: 3, pass: 2 });
    expect(report.results.find((r) => r.step === '3.3.1')).toMatchObject({
      summary: expect.stringMatching(/no queue configuration/),
      acknowledgement: { owner: 'data-platform', reason: 'the bucket is being migrated', expires: '2999-01-01T00:00:00.000Z', source: { file: 'runbook.acks.yaml', line: 10, column: 5 } },
    });
  });

  it('fail again once expired, naming each expired entry with its file and line; exit 1', async () => {
    const run = await check('3.3', '--world', 's3-notifications-missing', '--root', acknowledging('expired', '2000-01-01'), '--no-save');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stdout).toMatch(/^ {2}FAIL {2}3\.3\.1 /m);
    expect(run.stdout).not.toMatch(/^ {2}ACK /m);
    expect(run.stderr).toContain('runbook.acks.yaml:10:5: warning: the acknowledgement of 3.3.1 (owner data-platform) expired 2000-01-01T00:00:00.000Z: the step fails again');
    expect(run.stderr.match(/warning: the acknowledgement of/g)).toHaveLength(3);
  });

  it('stop before anything runs on a malformed entry, naming it with file and line; exit 2', async () => {
    const project = tempProject(tmp, 'malformed', undefined, {}, { 'runbook.acks.yaml': 'acknowledgements:\n  - step: 3.3.1\n    reason: no owner, no expiry\n' });
    const run = await check('3.3', '--root', project, '--no-save');
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('runbook.acks.yaml:2:5: unexpected acknowledgements.0.owner: owner is required');
    expect(run.stderr).toContain('runbook.acks.yaml:2:5: unexpected acknowledgements.0.expires: expires is required');
  });
});
