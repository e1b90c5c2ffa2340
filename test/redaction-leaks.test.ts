import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../src/model';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { hostileLineAsText, hostileLogLine, seededSecrets, survivingContext, writeLeakyWorlds } from './fixtures/leaky-world';
import { describeRun, runCli, type CliRun } from './support/cli';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-leaks-'));
const outputDir = path.join(tmp, 'reports');
let sandbox: Sandbox;
let run: CliRun;
let outputs: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'leaky-secrets', worldsDir: writeLeakyWorlds(path.join(tmp, 'worlds')) });
  // As a new user would: the sandbox's env file sourced (SNOWFLAKE_PASSWORD=sandbox and the other well-known credentials).
  const env = { ...sandbox.environment(), RUNBOOK_SANDBOX_URL: sandbox.url };
  run = await runCli('src/cli/main.ts', ['3.1.1', '3.1.2', '3.5.2', '3.6.1', '--reporter', 'terminal,json,junit,markdown', '--output-dir', outputDir, '--no-save', '--verbose'], { env });
  const file = (name: string) => readFileSync(path.join(outputDir, name), 'utf8');
  outputs = { terminal: run.stdout, stderr: run.stderr, json: file('results.json'), junit: file('junit.xml'), markdown: file('report.md') };
}, 180_000);

afterAll(async () => {
  await sandbox?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('no secret seeded in a world reaches any output, and nothing else is redacted (issue 12, item 4)', () => {
  it('runs the four steps that quote the seeded logs, arguments and headers', () => {
    expect(run.code, describeRun(run)).toBe(1);
    const report = JSON.parse(outputs.json!) as RunReport;
    expect(report.results.map((r) => [r.step, r.status])).toEqual([['3.1.1', 'pass'], ['3.1.2', 'fail'], ['3.5.2', 'fail'], ['3.6.1', 'fail']]);
  });

  it.each(Object.entries(seededSecrets))('%s appears in no output: terminal, verbose log, JSON, JUnit, Markdown', (_kind, secret) => {
    for (const [name, text] of Object.entries(outputs)) expect(text.includes(secret), `${name} leaks ${secret}`).toBe(false);
  });

  it.each(survivingContext)('keeps the evidence around a secret: %s', (context) => {
    expect(outputs.json).toContain(JSON.stringify(context).slice(1, -1));
  });

  it('keeps the Glue run arguments, with only --db_password redacted', () => {
    const report = JSON.parse(outputs.json!) as RunReport;
    const args = report.results.find((r) => r.step === '3.1.1')!.evidence.find((e) => e.label === 'arguments')!.value as Record<string, string>;
    expect(args['--db_password']).toBe('[redacted]');
    expect(args['--input_path']).toMatch(/^s3:\/\/arai-raw\/reviews\/ingest=/);
  });

  it('keeps the environment name sandbox and paths under the sandbox env file', () => {
    const report = JSON.parse(outputs.json!) as RunReport;
    expect(report.environment).toBe('sandbox');
    expect(outputs.terminal).toContain('env sandbox');
    expect(outputs.markdown).toContain('sandbox');
    expect(outputs.json).toContain('/opt/sandbox/glue/raw_to_processed.py');
    for (const text of Object.values(outputs)) expect(text).not.toMatch(/\[redacted\](?:-world|\/|\.json)/);
  });
});

describe('a log line that drives the terminal reaches it as text (issue 12, item 5)', () => {
  it('is quoted in the terminal report without escape sequences or control characters, its words kept', () => {
    expect(outputs.terminal).toContain(hostileLineAsText);
    expect(outputs.terminal).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(outputs.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it('stays as it was in the JSON document, which is data, not a screen', () => {
    expect(outputs.json).toContain(JSON.stringify(hostileLogLine).slice(1, -1));
  });
});

describe('a request the CLI refuses says why without the secret', () => {
  it('redacts a known secret value from the message of a failed request', async () => {
    const secret = 'Xy7kPq9mZ2w-leak';
    const refused = await runCli('src/cli/main.ts', ['3.3', '--env', secret, '--no-save'], { env: { SNOWFLAKE_PASSWORD: secret } });
    expect(refused.code, describeRun(refused)).toBe(2);
    expect(refused.stderr).toContain('Unknown environment "[redacted]", expected one of: sandbox, prod');
    expect(refused.stderr + refused.stdout).not.toContain(secret);
  });
});
