import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { EnvironmentConfig } from '../../src/config';
import { sandboxCredentials } from '../../src/sandbox/credentials';
import { startSandbox } from '../../src/sandbox/sandbox';

const run = promisify(execFile);

/** Scenario 3.2 typed as AWS CLI commands, one process per call, against the same sandbox as the runbook CLI. */
export interface AwsCliFigures {
  available: boolean;
  world: string;
  awsCalls: number;
  awsTotalMs: number;
  awsPerCallMs: number;
  runbookCliMs: number;
}

function findAws(): string | null {
  for (const dir of ['/usr/bin', ...(process.env.PATH ?? '').split(path.delimiter)]) if (dir && existsSync(path.join(dir, 'aws'))) return path.join(dir, 'aws');
  return null;
}

/**
 * Runs the AWS CLI commands an engineer would type for 3.2, each reading the answer of the one before
 * (always with --endpoint-url and static credentials), then `npm run check -- 3.2` against the same
 * sandbox; both timed end to end.
 */
export async function awsCliFigures(root: string, env: EnvironmentConfig, checkArgv: string[]): Promise<AwsCliFigures> {
  const world = 'sfn-iam-denied';
  const aws = findAws();
  if (!aws) return { available: false, world, awsCalls: 0, awsTotalMs: 0, awsPerCallMs: 0, runbookCliMs: 0 };
  const sandbox = await startSandbox({ world });
  const home = mkdtempSync(path.join(os.tmpdir(), 'bench-aws-home-'));
  try {
    const awsEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      AWS_ACCESS_KEY_ID: sandboxCredentials.aws.accessKeyId,
      AWS_SECRET_ACCESS_KEY: sandboxCredentials.aws.secretAccessKey,
      AWS_DEFAULT_REGION: sandboxCredentials.region,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_PAGER: '',
    };
    let calls = 0;
    const cli = async (...args: string[]) => {
      calls++;
      const { stdout } = await run(aws, ['--endpoint-url', sandbox.url, '--output', 'json', ...args], { env: awsEnv, maxBuffer: 16 * 1024 * 1024 });
      return (stdout.trim() ? JSON.parse(stdout) : {}) as Record<string, unknown>;
    };
    const machineArn = env.pipeline!.stateMachineArn;
    const started = performance.now();
    const failed = (await cli('stepfunctions', 'list-executions', '--state-machine-arn', machineArn, '--status-filter', 'FAILED', '--max-items', '20')) as { executions: Array<{ executionArn: string }> };
    const executionArn = failed.executions[0]!.executionArn;
    await cli('stepfunctions', 'describe-execution', '--execution-arn', executionArn);
    await cli('stepfunctions', 'get-execution-history', '--execution-arn', executionArn, '--include-execution-data');
    const machine = (await cli('stepfunctions', 'describe-state-machine', '--state-machine-arn', machineArn)) as { roleArn: string };
    await cli('iam', 'simulate-principal-policy', '--policy-source-arn', machine.roleArn, '--action-names', 'glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun');
    for (const job of env.pipeline!.glueJobs) {
      const { Job } = (await cli('glue', 'get-job', '--job-name', job)) as { Job: { Command: { ScriptLocation: string } } };
      const [, bucket, key] = /^s3:\/\/([^/]+)\/(.+)$/.exec(Job.Command.ScriptLocation)!;
      await cli('s3api', 'head-object', '--bucket', bucket!, '--key', key!);
    }
    const awsTotalMs = performance.now() - started;
    const cliStarted = performance.now();
    await run(checkArgv[0]!, [...checkArgv.slice(1), '3.2', '--no-save'], { cwd: root, env: { ...process.env, RUNBOOK_SANDBOX_URL: sandbox.url, NO_COLOR: '1' } }).catch((error: { code?: number }) => {
      if (error.code !== 1) throw error; // 3.2 fails in this world: exit 1 is the expected answer
    });
    return { available: true, world, awsCalls: calls, awsTotalMs, awsPerCallMs: awsTotalMs / calls, runbookCliMs: performance.now() - cliStarted };
  } finally {
    rmSync(home, { recursive: true, force: true });
    await sandbox.stop();
  }
}
