import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { drillReadyLine } from '../../src/drill/commands/start';
import { root } from './project';

const run = promisify(execFile);

/** What a finished command printed, and its exit code. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A trainee's shell: its own drills folder and HOME, nothing from the machine's AWS configuration, and
 * after a drill starts, the drill's env file loaded (as `set -a; . FILE; set +a` does).
 */
export class TraineeShell {
  readonly home = mkdtempSync(path.join(os.tmpdir(), 'runbook-trainee-'));
  readonly drillsDir = path.join(this.home, 'drills');
  private loaded: Record<string, string> = {};
  private drill: ChildProcess | null = null;

  env(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: this.home,
      NO_COLOR: '1',
      RUNBOOK_DRILLS_DIR: this.drillsDir,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
      ...this.loaded,
    };
  }

  /** Runs a command to its end, as typed in the project folder. */
  async run(file: string, args: string[]): Promise<CommandResult> {
    try {
      const { stdout, stderr } = await run(file, args, { cwd: root, env: this.env(), timeout: 240_000, maxBuffer: 32 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code?: number | string; stdout?: string; stderr?: string };
      if (typeof failure.code !== 'number') throw error;
      return { code: failure.code, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
    }
  }

  /** `npm run -s SCRIPT -- ARGS`. */
  npm(script: string, ...args: string[]): Promise<CommandResult> {
    return this.run('npm', ['run', '-s', script, '--', ...args]);
  }

  /** `aws --endpoint-url "$AWS_ENDPOINT_URL" ARGS --output json`, parsed. */
  async aws(...args: string[]): Promise<unknown> {
    const result = await this.run('aws', ['--endpoint-url', this.loaded.AWS_ENDPOINT_URL!, '--output', 'json', ...args]);
    if (result.code !== 0) return { error: result.stderr.trim(), code: result.code };
    return result.stdout.trim() ? (JSON.parse(result.stdout) as unknown) : {};
  }

  /** `curl -sL -H "Authorization: Bearer TOKEN" URL`, as text. */
  async curl(url: string, token: string): Promise<string> {
    return (await this.run('curl', ['-sSL', '-H', `Authorization: Bearer ${token}`, url])).stdout;
  }

  /** A setting of the loaded env file. */
  setting(name: string): string {
    const value = this.loaded[name];
    if (!value) throw new Error(`the drill's env file sets no ${name}`);
    return value;
  }

  /**
   * `npm run drill -- NAME --write-env FILE` in a process group of its own (the shell a trainee leaves it
   * in); resolves with its output once the drill is on, then loads the env file.
   */
  async startDrill(name: string): Promise<string> {
    const envFile = path.join(this.home, 'drill.env');
    const child = spawn('npm', ['run', '-s', 'drill', '--', name, '--write-env', envFile], { cwd: root, env: this.env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.drill = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes(drillReadyLine)) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.once('exit', (code) => reject(new Error(`npm run drill -- ${name} exited ${code} before the drill was on:\n${output}`)));
    });
    this.loaded = Object.fromEntries(
      readFileSync(envFile, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as [string, string]),
    );
    return output;
  }

  /** Keeps a copy of the drill's state file, to put it back later. */
  saveDrillState(): () => void {
    const file = path.join(this.drillsDir, 'current.json');
    const copy = `${file}.saved`;
    copyFileSync(file, copy);
    return () => copyFileSync(copy, file);
  }

  /** The attempts recorded so far. */
  attempts(): Array<{ drill: string; result: string; hintsUsed: number }> {
    try {
      return readFileSync(path.join(this.drillsDir, 'attempts.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { drill: string; result: string; hintsUsed: number });
    } catch {
      return [];
    }
  }

  /** Stops the drill's process group (npm and its node child), as Ctrl-C in its shell would. */
  async stopDrill(): Promise<void> {
    const child = this.drill;
    this.drill = null;
    if (!child || child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await exited;
  }

  async close(): Promise<void> {
    await this.stopDrill();
    rmSync(this.home, { recursive: true, force: true });
  }
}
