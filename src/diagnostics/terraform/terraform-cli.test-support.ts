import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** The terraform binary on PATH, or null: tests that generate plans with it skip without it. */
export const terraformBinary = onPath('terraform');

/** Why the tests that generate plans with terraform were skipped. */
export const terraformSkipMessage = 'skipped: no terraform binary on PATH to generate plans with';

/** A Terraform working directory with local state, `terraform_data` resources only (no provider, no network). */
export interface TerraformWorkdir {
  dir: string;
  /** Replaces main.tf. */
  write(hcl: string): void;
  /** Runs terraform; returns stdout, or throws with stderr unless `allowFailure`. */
  run(args: string[], options?: { allowFailure?: boolean }): string;
  /** `terraform plan -out NAME` (failures allowed: an errored plan is still written) then `terraform show -json NAME`, parsed. */
  planJson(name: string, extraArgs?: string[]): Record<string, unknown>;
  /** Reads and rewrites terraform.tfstate by hand. */
  editState(edit: (state: { serial: number; resources: Array<{ name: string; instances: Array<{ attributes: Record<string, unknown> }> }> }) => void): void;
  remove(): void;
}

/** Makes a working directory whose terraform runs with its own CLI configuration and no checkpoint calls. */
export function terraformWorkdir(): TerraformWorkdir {
  if (!terraformBinary) throw new Error(terraformSkipMessage);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-tf-'));
  const home = path.join(dir, '.home');
  mkdirSync(home);
  writeFileSync(path.join(dir, 'cli.tfrc'), 'disable_checkpoint = true\n');
  const env = { PATH: process.env.PATH ?? '', HOME: home, TF_CLI_CONFIG_FILE: path.join(dir, 'cli.tfrc'), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
  const run = (args: string[], options: { allowFailure?: boolean } = {}): string => {
    try {
      return execFileSync(terraformBinary, args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      if (options.allowFailure) return failed.stdout ?? '';
      throw new Error(`terraform ${args.join(' ')} failed: ${failed.stderr ?? String(error)}`);
    }
  };
  return {
    dir,
    write: (hcl) => writeFileSync(path.join(dir, 'main.tf'), hcl),
    run,
    planJson(name, extraArgs = []) {
      run(['plan', '-no-color', '-input=false', '-out', name, ...extraArgs], { allowFailure: true });
      return JSON.parse(run(['show', '-json', name])) as Record<string, unknown>;
    },
    editState(edit) {
      const file = path.join(dir, 'terraform.tfstate');
      const state = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof edit>[0];
      edit(state);
      state.serial += 1;
      writeFileSync(file, JSON.stringify(state, null, 2));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
