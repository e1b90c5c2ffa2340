import { execFile } from 'node:child_process';

/** The git commit checked out at `root` (the runbook a run used), or null when it is not in git or git is absent. */
export function runbookCommit(root: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root, timeout: 5_000, windowsHide: true }, (error, stdout) => {
      const commit = String(stdout).trim();
      resolve(!error && /^[0-9a-f]{40,64}$/.test(commit) ? commit : null);
    });
  });
}
