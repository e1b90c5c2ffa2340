import { z } from 'zod';

const conclusions = ['success', 'failure', 'cancelled', 'skipped', 'neutral', 'timed_out', 'action_required', 'stale', 'startup_failure'] as const;
const runStatuses = ['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending'] as const;

const stepSchema = z.strictObject({
  name: z.string().min(1),
  number: z.number().int().positive(),
  status: z.enum(runStatuses).default('completed'),
  conclusion: z.enum(conclusions).nullable().default('success'),
});

const jobSchema = z.strictObject({
  name: z.string().min(1),
  status: z.enum(runStatuses).default('completed'),
  conclusion: z.enum(conclusions).nullable().default('success'),
  started_at: z.iso.datetime(),
  completed_at: z.iso.datetime().nullable().default(null),
  steps: z.array(stepSchema).default([]),
  /** The job's log lines without timestamps; the simulator prefixes them as GitHub does. */
  log: z.array(z.string()).default([]),
});

const artifactSchema = z.strictObject({
  /** Files inside the artifact zip: a string is stored as is, anything else as JSON. */
  files: z.record(z.string(), z.unknown()),
  expired: z.boolean().default(false),
});

const runSchema = z.strictObject({
  /** The workflow's file path (`.github/workflows/terraform.yml`): must be one of the repository's workflows. */
  workflow: z.string().min(1),
  head_branch: z.string().default('main'),
  head_sha: z.string().regex(/^[0-9a-f]{40}$/).default('0123456789abcdef0123456789abcdef01234567'),
  event: z.string().default('push'),
  status: z.enum(runStatuses).default('completed'),
  conclusion: z.enum(conclusions).nullable().default('success'),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime().optional(),
  run_attempt: z.number().int().positive().default(1),
  actor: z.string().default('octocat'),
  /** Jobs by id. */
  jobs: z.record(z.string().regex(/^\d+$/), jobSchema).default({}),
  /** Artifacts by name; each gets an id derived from the run id. */
  artifacts: z.record(z.string(), artifactSchema).default({}),
});

const workflowSchema = z.strictObject({ name: z.string().min(1), path: z.string().min(1), state: z.enum(['active', 'disabled_manually']).default('active') });

const reviewerSchema = z.strictObject({ type: z.enum(['User', 'Team']).default('User'), login: z.string().min(1) });

const environmentSchema = z.strictObject({
  /** Who must approve a job that deploys to the environment: its required_reviewers protection rule. */
  reviewers: z.array(reviewerSchema).default([]),
  /** Minutes a job waits before it may run: a wait_timer protection rule when above 0. */
  waitTimer: z.number().int().min(0).max(43_200).default(0),
  preventSelfReview: z.boolean().default(false),
  createdAt: z.iso.datetime().optional(),
});

const repositorySchema = z.strictObject({
  description: z.string().nullable().default(null),
  defaultBranch: z.string().default('main'),
  private: z.boolean().default(true),
  /** When the repository was created; the first run's time when the world does not say. */
  createdAt: z.iso.datetime().optional(),
  /** Workflows by numeric id. */
  workflows: z.record(z.string().regex(/^\d+$/), workflowSchema).default({}),
  /** Workflow runs by numeric id. */
  runs: z.record(z.string().regex(/^\d+$/), runSchema).default({}),
  /** Files of the default branch by path (`.github/workflows/terraform.yml`), their text, for the contents API. */
  files: z.record(z.string().regex(/^[^/].*[^/]$/, 'expected a file path without leading or trailing slash'), z.string()).default({}),
  /** Deployment environments by name, with their protection rules. */
  environments: z.record(z.string().min(1), environmentSchema).default({}),
});

/** The github section of a world file: repositories by `owner/name`. */
export const githubSectionSchema = z.strictObject({
  repositories: z.record(z.string().regex(/^[\w.-]+\/[\w.-]+$/), repositorySchema).default({}),
  /** The login of the account the sandbox's token belongs to: what `GET /user` answers (an action's audit record names it). */
  tokenLogin: z.string().regex(/^[A-Za-z0-9-]+$/).default('runbook-oncall'),
});

/** A simulated job with its log. */
export type GithubJob = z.infer<typeof jobSchema> & { id: number; runId: number };
/** A simulated artifact. */
export type GithubArtifact = z.infer<typeof artifactSchema> & { id: number; name: string; runId: number };
/** A simulated workflow. */
export type GithubWorkflow = z.infer<typeof workflowSchema> & { id: number };
/** A simulated workflow run; `status`, `conclusion` and `run_attempt` change when it is re-run. */
export type GithubRun = Omit<z.infer<typeof runSchema>, 'jobs' | 'artifacts'> & { id: number; workflowId: number; jobs: GithubJob[]; artifacts: GithubArtifact[] };

/** A simulated deployment environment. */
export type GithubEnvironment = z.infer<typeof environmentSchema> & { name: string };

/** A simulated repository. */
export interface GithubRepository {
  owner: string;
  name: string;
  description: string | null;
  defaultBranch: string;
  private: boolean;
  createdAt: string;
  workflows: GithubWorkflow[];
  /** Newest first, as GitHub lists them. */
  runs: GithubRun[];
  /** The default branch's files by path. */
  files: Map<string, string>;
  environments: GithubEnvironment[];
}

/** The simulated GitHub: repositories by lower-cased `owner/name`. */
export interface GithubState {
  repositories: Map<string, GithubRepository>;
  /** The token's account login (`GET /user`). */
  tokenLogin: string;
}

/** Raised when a run names a workflow its repository does not have. */
export class UnknownWorkflowError extends Error {
  override name = 'UnknownWorkflowError';
  constructor(readonly repository: string, readonly runId: string, readonly workflow: string) {
    super(`${repository} run ${runId}: workflow ${workflow} is not among the repository's workflows`);
  }
}

/** Builds the GitHub state from a world's github section. */
export function loadGithubState(section: unknown): GithubState {
  const parsed = githubSectionSchema.parse(section ?? {});
  const repositories = new Map<string, GithubRepository>();
  for (const [fullName, repo] of Object.entries(parsed.repositories)) {
    const [owner, name] = fullName.split('/') as [string, string];
    const workflows = Object.entries(repo.workflows).map(([id, workflow]) => ({ ...workflow, id: Number(id) }));
    const runs = Object.entries(repo.runs).map(([id, run]): GithubRun => {
      const runId = Number(id);
      const workflow = workflows.find((w) => w.path === run.workflow);
      if (!workflow) throw new UnknownWorkflowError(fullName, id, run.workflow);
      const jobs = Object.entries(run.jobs).map(([jobId, job]) => ({ ...job, id: Number(jobId), runId }));
      const artifacts = Object.entries(run.artifacts).map(([artifactName, artifact], index) => ({ ...artifact, name: artifactName, id: runId * 100 + index + 1, runId }));
      return { ...run, id: runId, workflowId: workflow.id, jobs, artifacts };
    });
    runs.sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
    const createdAt = repo.createdAt ?? runs.at(-1)?.created_at ?? new Date(0).toISOString();
    repositories.set(fullName.toLowerCase(), { owner, name, description: repo.description, defaultBranch: repo.defaultBranch, private: repo.private, createdAt, workflows, runs, files: new Map(Object.entries(repo.files)), environments: Object.entries(repo.environments).map(([envName, environment]) => ({ ...environment, name: envName })) });
  }
  return { repositories, tokenLogin: parsed.tokenLogin };
}
