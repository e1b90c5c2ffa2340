import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { link, notConfigured, skip, type CheckContext } from '../../check-api';
import type { TerraformConfig } from '../../config/areas/terraform';
import type { ConsoleLink, SkipResult } from '../../model';
import { readZipEntry, zipEntryNames } from '../github/unzip';
import { ZipReadError } from '../github/zip-directory';
import { githubStatus } from '../github/request-errors';
import { describeUnfinished, latestRun, type RunSummary } from '../github/workflow-runs';
import { isSkip, terraformWorkflow } from '../github/workflow-settings';
import { parsePlanText } from './parse-plan-text';
import { PlanFormatError } from './plan-errors';
import type { TerraformPlan } from './read-plan';

/** Where a plan was read from. */
export type PlanSource =
  | { kind: 'file'; path: string }
  | { kind: 'terraform show'; binary: string; file: string }
  | { kind: 'artifact'; run: RunSummary; artifact: string; file: string };

/** A parsed plan and where it came from. */
export interface LoadedPlan {
  plan: TerraformPlan;
  source: PlanSource;
}

/** Raised when the plan JSON is larger than the configured limit. */
export class PlanTooLargeError extends Error {
  override name = 'PlanTooLargeError';
  constructor(readonly bytes: number, readonly maxBytes: number) {
    super(`the plan JSON is ${bytes} bytes, over terraform.plan.maxBytes (${maxBytes})`);
  }
}

async function fromFile(file: string, maxBytes: number): Promise<LoadedPlan> {
  const resolved = path.resolve(file);
  const { size } = await stat(resolved);
  if (size > maxBytes) throw new PlanTooLargeError(size, maxBytes);
  return { plan: parsePlanText(await readFile(resolved, 'utf8'), `plan file ${resolved}`), source: { kind: 'file', path: resolved } };
}

function run(binary: string, args: string[], maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: 60_000, maxBuffer: maxBytes, windowsHide: true }, (error, stdout) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') resolve(null);
      else if (error) reject(error);
      else resolve(stdout);
    });
  });
}

async function fromBinaryPlan(file: string, maxBytes: number): Promise<LoadedPlan | SkipResult> {
  for (const binary of ['terraform', 'tofu']) {
    const output = await run(binary, ['show', '-json', '-no-color', path.resolve(file)], maxBytes);
    if (output !== null) return { plan: parsePlanText(output, `${binary} show -json ${path.resolve(file)}`), source: { kind: 'terraform show', binary, file: path.resolve(file) } };
  }
  return skip(`terraform.plan.binaryFile is set, but neither terraform nor tofu is installed to render ${file}`);
}

/** The plan file out of the artifact zip; a zip that cannot be read is a ZipReadError that names the artifact and run. */
function readArtifactFile(archive: Buffer, artifact: { name: string; file: string }, runNumber: number, maxBytes: number): Buffer | null {
  try {
    return readZipEntry(archive, artifact.file, maxBytes);
  } catch (error) {
    if (error instanceof ZipReadError) throw new ZipReadError(`artifact ${artifact.name} of run #${runNumber}: ${error.message}`, error.entry);
    throw error;
  }
}

async function fromArtifact(ctx: CheckContext, terraform: TerraformConfig, artifact: { name: string; file: string }): Promise<LoadedPlan | SkipResult> {
  const workflow = terraformWorkflow(ctx);
  if (isSkip(workflow)) return workflow;
  const github = await ctx.clients.github();
  const latest = await latestRun(github, workflow);
  if (!latest) return skip(`no run of workflow ${terraform.workflow} to read the plan from`);
  const { data } = await github.rest.actions.listWorkflowRunArtifacts({ owner: workflow.owner, repo: workflow.repo, run_id: latest.id, name: artifact.name, per_page: 10 });
  const found = data.artifacts.find((a) => a.name === artifact.name);
  if (!found && latest.status !== 'completed') return skip(`${describeUnfinished(latest)} and has not uploaded ${artifact.name} yet: wait for it`);
  if (!found) return skip(`run #${latest.runNumber} uploaded no artifact named ${artifact.name}: it stopped before the plan, or the workflow does not upload it`);
  if (found.expired) return skip(`the ${artifact.name} artifact of run #${latest.runNumber} has expired`);
  if (found.size_in_bytes > terraform.plan.maxBytes) throw new PlanTooLargeError(found.size_in_bytes, terraform.plan.maxBytes);
  let archive: Buffer;
  try {
    const response = await github.rest.actions.downloadArtifact({ owner: workflow.owner, repo: workflow.repo, artifact_id: found.id, archive_format: 'zip' });
    archive = Buffer.from(response.data as ArrayBuffer);
  } catch (error) {
    if (githubStatus(error) === 410) return skip(`the ${artifact.name} artifact of run #${latest.runNumber} has expired`);
    throw error;
  }
  const entry = readArtifactFile(archive, artifact, latest.runNumber, terraform.plan.maxBytes);
  if (!entry) throw new PlanFormatError(`the ${artifact.name} artifact has no ${artifact.file}; it holds ${zipEntryNames(archive).join(', ') || 'nothing'}`, null);
  return { plan: parsePlanText(entry.toString('utf8'), `${artifact.file} in artifact ${artifact.name} of run #${latest.runNumber}`), source: { kind: 'artifact', run: latest, artifact: artifact.name, file: artifact.file } };
}

/**
 * Reads the plan JSON from the first configured source: a `terraform show -json` file, a binary plan
 * rendered by terraform or tofu, or the plan artifact of the workflow's latest run (a re-run applies the plan its run uploaded).
 */
export async function loadPlan(ctx: CheckContext): Promise<LoadedPlan | SkipResult> {
  const terraform = ctx.config.terraform;
  if (!terraform) return notConfigured(ctx.environment, 'terraform');
  const source = terraform.plan;
  if (source.file) return fromFile(source.file, source.maxBytes);
  if (source.binaryFile) return fromBinaryPlan(source.binaryFile, source.maxBytes);
  if (source.artifact) return ctx.memo(['terraform:plan-artifact', source.artifact.name, source.artifact.file], () => fromArtifact(ctx, terraform, source.artifact!));
  return notConfigured(ctx.environment, 'terraform.plan (file, binaryFile or artifact)');
}

/** Plan source as evidence data. */
export function describePlanSource(source: PlanSource): Record<string, string | number> {
  if (source.kind === 'artifact') return { kind: source.kind, run: source.run.id, runNumber: source.run.runNumber, artifact: source.artifact, file: source.file };
  if (source.kind === 'terraform show') return { kind: source.kind, binary: source.binary, file: source.file };
  return { kind: source.kind, path: source.path };
}

/** A link to the workflow run the plan came from; none for a local file. */
export function planSourceLinks(source: PlanSource): ConsoleLink[] {
  return source.kind === 'artifact' ? [link(`run #${source.run.runNumber}`, source.run.url)] : [];
}
