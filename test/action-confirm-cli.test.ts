import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditLogPath } from '../src/reporters/locations';
import { checkWith, describeRun, runCommand, type CliRun } from './support/cli';
import { root } from './support/project';
import { tempProject } from './support/temp-project';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-confirm-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let projects = 0;
/** A project of its own per test: its own audit log. */
const newProject = () => tempProject(tmp, `project-${++projects}`);
const redrive = ['3.1.5', '--world', 'glue-corrupt-json', '--fix', '--no-save'];
const cli = (project: string, args: string[]) => checkWith([...args, '--root', project], {});
const auditLines = (project: string) => (existsSync(path.join(project, auditLogPath)) ? readFileSync(path.join(project, auditLogPath), 'utf8').trim().split('\n') : []);

/** util-linux `script` runs a command on a pseudo-terminal: the CLI sees a TTY on stdin and stderr, as in an engineer's shell. */
const scriptPath = '/usr/bin/script';
const onTerminal = existsSync(scriptPath) ? describe : describe.skip;

/** Runs the CLI on a pseudo-terminal and types `answer` (then Enter; Ctrl-C alone) once the question `prompt` shows. */
function onPty(project: string, args: string[], prompt: string, answer: string): Promise<CliRun & { answered: boolean }> {
  const command = [process.execPath, '-r', path.join(root, 'bin', 'register.js'), path.join(root, 'src', 'cli', 'main.ts'), ...args, '--root', project, '--no-color'].map((word) => `'${word}'`).join(' ');
  let answered = false;
  return runCommand(scriptPath, ['-qec', command, '/dev/null'], {
    stdin: 'pipe',
    onChild: (child) => {
      let seen = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (!answered && seen.includes(prompt)) {
          answered = true;
          child.stdin!.write(answer === '\u0003' ? answer : `${answer}\r`);
        }
      });
      child.on('exit', () => child.stdin!.end());
    },
  }).then((run) => ({ ...run, answered }));
}

describe('an action with --fix without a terminal (plain pipes)', { timeout: 180_000 }, () => {
  it('refuses without --yes, with exit 2, saying what to pass, and changes nothing', async () => {
    const project = newProject();
    const run = await cli(project, redrive);
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('there is no terminal to ask on: pass --yes to apply them without asking (each preview still prints), or run on a terminal');
    expect(auditLines(project)).toEqual([]);
  });

  it('with --yes prints the preview (exact call, what it expects) and applies; the chained audit record verifies, and an edit is found at its line', async () => {
    const project = newProject();
    const run = await cli(project, [...redrive, '--yes']);
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stderr).toMatch(/Action 3\.1\.5 \(rerun-execution\): Re-run the failed Step Functions execution\n {2}Environment: sandbox \(a sandbox\)\n {2}Will: redrive execution \S+ from its failed state \(RedriveExecution\)\n {2}Sends:\n {4}sfn:RedriveExecution \{"executionArn":"arn:aws:states:eu-west-1:123456789012:execution:arai-ingestion:\S+","clientToken":"[0-9a-f-]{36}"\}\n {2}Expects: execution \S+ runs again from the state that failed/);
    expect(run.stderr).toContain('Applying 3.1.5 in sandbox (--yes).');
    expect(run.stdout).toMatch(/PASS +3\.1\.5 [^\n]*\n +redrove /);
    const lines = auditLines(project);
    expect(lines.map((line) => (JSON.parse(line) as { phase: string; identity: string }).phase)).toEqual(['started', 'finished']);
    expect(JSON.parse(lines[0]!)).toMatchObject({ identity: expect.stringMatching(/^arn:aws:iam::123456789012:/), preview: { calls: [{ operation: 'sfn:RedriveExecution' }] } });

    const whole = await cli(project, ['verify-audit']);
    expect([whole.code, whole.stdout], describeRun(whole)).toEqual([0, '.runbook/audit.jsonl: 2 records, the hash chain is whole\n']);
    writeFileSync(path.join(project, auditLogPath), `${lines[0]!.replace('"user":"', '"user":"someone-else-')}\n${lines[1]}\n`);
    const edited = await cli(project, ['verify-audit']);
    expect(edited.code, describeRun(edited)).toBe(1);
    expect(edited.stdout).toContain('.runbook/audit.jsonl:2: the chain breaks: its prevHash is not the hash of line 1: line 1 was edited, or lines were removed or moved here\n');
    expect(edited.stdout).toContain('the hash chain breaks at line 2');
  });

  it('refuses --yes without --fix', async () => {
    const run = await cli(newProject(), ['3.1.5', '--world', 'glue-corrupt-json', '--yes', '--no-save']);
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('--yes confirms actions run with --fix: add --fix, or drop --yes');
  });
});

onTerminal('an action with --fix on a terminal', { timeout: 180_000 }, () => {
  it('asks after the preview, naming the environment; a yes applies it', async () => {
    const project = newProject();
    const run = await onPty(project, redrive, 'Apply 3.1.5 in sandbox? [y/N] ', 'y');
    const output = run.stdout.replace(/\r/g, '');
    expect([run.code, run.answered], describeRun(run)).toEqual([0, true]);
    expect(output.indexOf('Sends:\n    sfn:RedriveExecution {')).toBeGreaterThan(0);
    expect(output.indexOf('Sends:')).toBeLessThan(output.indexOf('Apply 3.1.5 in sandbox? [y/N] '));
    expect(output).toContain('Applying 3.1.5 in sandbox.\n');
    expect(auditLines(project)).toHaveLength(2);
  });

  it('anything but a yes applies nothing and says so', async () => {
    const project = newProject();
    const run = await onPty(project, redrive, 'Apply 3.1.5 in sandbox? [y/N] ', 'n');
    const output = run.stdout.replace(/\r/g, '');
    expect([run.code, run.answered], describeRun(run)).toEqual([0, true]);
    expect(output).toContain('Not applied: not confirmed.\n');
    expect(output).toMatch(/SKIP +3\.1\.5 [^\n]*\n +not applied: not confirmed at the prompt/);
    expect(auditLines(project)).toEqual([]);
  });

  it('Ctrl-C at the question stops the run as an interruption (exit 130) and applies nothing', async () => {
    const project = newProject();
    const run = await onPty(project, redrive, 'Apply 3.1.5 in sandbox? [y/N] ', '\u0003');
    expect([run.code, run.answered], describeRun(run)).toEqual([130, true]);
    expect(run.stdout.replace(/\r/g, '')).toMatch(/ERROR +3\.1\.5 /);
    expect(auditLines(project)).toEqual([]);
  });
});
