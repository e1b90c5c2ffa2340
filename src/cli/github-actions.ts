import { appendFile } from 'node:fs/promises';
import { allSteps, type RunReport, type Runbook } from '../model';
import { buildGithubAnnotations } from '../reporters/github-annotations';
import { buildMarkdownReport } from '../reporters/markdown';

/** True when the process runs as a GitHub Actions step. */
export function inGithubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/**
 * In a GitHub Actions step: appends the Markdown report to the job summary ($GITHUB_STEP_SUMMARY, which
 * earlier steps share, so it is appended to, never replaced) and writes an annotation per step worth a look.
 */
export async function publishToGithubActions(report: RunReport, runbook: Runbook, write: (text: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!inGithubActions(env)) return;
  const positions = new Map(allSteps(runbook).map((step) => [step.id, step.position]));
  write(buildGithubAnnotations(report, (step) => positions.get(step)));
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, `${buildMarkdownReport(report)}\n`, 'utf8');
}
