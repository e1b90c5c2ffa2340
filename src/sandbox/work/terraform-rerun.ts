import type { ServiceEnv } from '../core/service';
import type { GithubArtifact, GithubJob, GithubRepository, GithubRun } from '../github/state';
import type { SandboxStates } from '../states';
import type { TerraformProgram } from './schema';
import { schedule } from './state';
import { runApply, runPlan, type TerraformOutcome } from './terraform-apply';

type Env = ServiceEnv<SandboxStates>;

/**
 * The plan the run applies: its own artifact, or, for a run whose plan job never got past the lock, the newest
 * plan of the same workflow (nothing changed in the configuration since: the sandbox does not run Terraform's planner).
 */
function planArtifact(repo: GithubRepository, run: GithubRun, program: TerraformProgram): GithubArtifact | undefined {
  const own = run.artifacts.find((a) => a.name === program.planArtifact.name);
  if (own) return own;
  return repo.runs.filter((r) => r.workflowId === run.workflowId && r.id !== run.id).flatMap((r) => r.artifacts).find((a) => a.name === program.planArtifact.name && !a.expired);
}

function planDocument(artifact: GithubArtifact | undefined, file: string): Parameters<typeof runApply>[2] {
  const value = artifact?.files[file];
  if (value === undefined) return null;
  try {
    return (typeof value === 'string' ? JSON.parse(value) : value) as Parameters<typeof runApply>[2];
  } catch {
    return null;
  }
}

/** Writes a job's outcome: its log, its Terraform step failed (and the steps after it skipped) or every step a success. */
function finishJob(job: GithubJob, outcome: TerraformOutcome | 'skipped', at: Date): void {
  job.status = 'completed';
  job.started_at = at.toISOString();
  job.completed_at = at.toISOString();
  if (outcome === 'skipped') {
    job.conclusion = 'skipped';
    job.log = [];
    job.steps = job.steps.map((step) => ({ ...step, status: 'completed', conclusion: 'skipped' }));
    return;
  }
  job.conclusion = outcome.succeeded ? 'success' : 'failure';
  job.log = outcome.log;
  let failedAt = Infinity;
  job.steps = job.steps.map((step) => {
    const terraform = /^Terraform (Plan|Apply)$/.test(step.name);
    if (terraform && !outcome.succeeded) failedAt = step.number;
    const conclusion = terraform && !outcome.succeeded ? 'failure' : step.number > failedAt && step.name !== 'Complete job' ? 'skipped' : 'success';
    return { ...step, status: 'completed', conclusion };
  });
}

/**
 * The work of a re-run of a Terraform run's failed jobs: queued now, and when the work ends the plan and apply jobs
 * run against the world as it is then (the lock table, the CI role's policies, the buckets), so the re-run fails
 * again while the cause is there.
 */
export function scheduleTerraformRerun(env: Env, repo: GithubRepository, run: GithubRun): void {
  const program = env.states.work.programs.terraform;
  const workflow = repo.workflows.find((w) => w.id === run.workflowId);
  if (!program || `${repo.owner}/${repo.name}`.toLowerCase() !== program.repository.toLowerCase() || workflow?.path !== program.workflow) return;
  schedule(env.states.work, env.clock.now(), `re-run of run ${run.id} attempt ${run.run_attempt}`, async (later) => {
    const at = later.clock.now();
    run.status = 'in_progress';
    let planFailed = false;
    // GitHub re-runs the failed jobs and the jobs that depend on them (an apply skipped because its plan failed).
    const planQueued = run.jobs.some((j) => j.name === program.planJob && j.status !== 'completed');
    for (const job of run.jobs.filter((j) => j.status !== 'completed' || (planQueued && j.conclusion === 'skipped'))) {
      if (job.name === program.planJob) {
        const outcome = await runPlan(later.states, program);
        planFailed = !outcome.succeeded;
        const plan = planArtifact(repo, run, program);
        if (outcome.succeeded && plan && !run.artifacts.includes(plan)) run.artifacts.push({ ...plan, id: run.id * 100 + run.artifacts.length + 1, runId: run.id });
        finishJob(job, outcome, at);
      } else if (job.name === program.applyJob) {
        finishJob(job, planFailed ? 'skipped' : await runApply(later.states, program, planDocument(planArtifact(repo, run, program), program.planArtifact.file)), at);
      } else {
        finishJob(job, { succeeded: true, log: [] }, at);
      }
    }
    run.status = 'completed';
    run.conclusion = run.jobs.some((j) => j.conclusion === 'failure') ? 'failure' : 'success';
    run.updated_at = at.toISOString();
  });
}
