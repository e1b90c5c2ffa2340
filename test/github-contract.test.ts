// Every route of the simulated GitHub (enumerated from its own route table, so a new route cannot escape)
// is called and its answers validated against GitHub's published OpenAPI description: the runs and jobs
// operations as trimmed in ../shared/real/github_actions, the others as trimmed into
// test/support/openapi/github-repos-workflows.openapi.json (its _provenance says from where and how).
import './support/no-egress';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTemplate, fillTemplate, matchTemplate } from '../src/sandbox/core/path-template';
import { githubRoutes, type GithubRoute } from '../src/sandbox/github/routes';
import { githubPathPrefix, sandboxGithubToken } from '../src/sandbox/github/token';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { ContractValidator } from './support/openapi/contract-validator';
import { fetchSeen, specProblems, type SeenResponse } from './support/openapi/check-response';
import { missingSpecs, readSpec, realSpecFiles } from './support/openapi/real-specs';

const skipped = missingSpecs(realSpecFiles.githubRunsJobs);
/** The ids the documents are registered under; the trimmed one refers to the shared one by its file name. */
const sharedId = path.basename(realSpecFiles.githubRunsJobs);
const trimmedFile = path.join(__dirname, 'support', 'openapi', 'github-repos-workflows.openapi.json');
const trimmedId = path.basename(trimmedFile);
const world = 'terraform-drift';

const restRoutes = githubRoutes.filter((route) => route.kind === 'rest');
const redirectTargets = githubRoutes.filter((route) => route.kind === 'redirect-target');
const nameOf = (route: GithubRoute) => `${route.method} ${route.path}`;

describe.skipIf(skipped)(`the simulated GitHub answers as GitHub's OpenAPI description says${skipped ? ` (${skipped})` : ''}`, () => {
  let sandbox: Sandbox;
  let validator: ContractValidator;
  let samples: Record<string, string>;
  const checked = new Set<string>();
  const reached = new Set<string>();

  beforeAll(async () => {
    sandbox = await startSandbox({ world });
    validator = new ContractValidator([
      { id: sharedId, document: readSpec(realSpecFiles.githubRunsJobs), strictness: { closed: false, complete: false } },
      { id: trimmedId, document: JSON.parse(readFileSync(trimmedFile, 'utf8')) as Record<string, unknown>, strictness: { closed: false, complete: false } },
    ]);
    const repo = [...sandbox.states.github.repositories.values()][0]!;
    const run = repo.runs.find((r) => r.conclusion === 'failure' && r.artifacts.length && r.jobs.some((j) => j.status === 'completed'))!;
    samples = {
      owner: repo.owner,
      repo: repo.name,
      run_id: String(run.id),
      job_id: String(run.jobs.find((j) => j.status === 'completed')!.id),
      artifact_id: String(run.artifacts[0]!.id),
      archive_format: 'zip',
      workflow_id: String(run.workflowId),
      path: [...repo.files.keys()][0]!,
      environment_name: repo.environments[0]!.name,
    };
  });
  afterAll(() => sandbox?.stop());

  const url = (route: GithubRoute, values: Record<string, string>) => `${sandbox.url}${githubPathPrefix}${fillTemplate(route.path, values)}`;
  const call = (route: GithubRoute, values: Record<string, string>, auth = true): Promise<SeenResponse> =>
    fetchSeen(url(route, values), { method: route.method, headers: { accept: 'application/vnd.github+json', ...(auth ? { authorization: `token ${sandboxGithubToken}` } : {}) } });
  const specOf = (route: GithubRoute) => [sharedId, trimmedId].find((id) => validator.operation(id, route.path, route.method));
  /** Problems of an error answer: by the operation's declared response, or GitHub's basic-error where the description lists none. */
  const errorProblems = (id: string, route: GithubRoute, seen: SeenResponse) =>
    validator.response(id, route.path, route.method, seen.status) ? specProblems(validator, id, route.path, route.method, seen) : validator.component(trimmedId, 'basic-error')(seen.body);

  it.each(restRoutes)('$method $path is in the description and its success, unauthenticated and not-found answers are as specified', async (route) => {
    const id = specOf(route);
    expect(id, `${nameOf(route)} is in neither GitHub description`).toBeDefined();
    if (route.method !== 'GET') await sandbox.loadWorld(world);
    const success = await call(route, samples);
    expect(success.status, JSON.stringify(success.body)).toBeLessThan(400);
    expect(specProblems(validator, id!, route.path, route.method, success), `${nameOf(route)} success`).toEqual([]);
    if (success.status === 302) {
      const location = new URL(success.headers.get('location')!);
      const target = redirectTargets.find((t) => matchTemplate(compileTemplate(t.path), location.pathname.slice(githubPathPrefix.length)));
      expect(target, `${location.pathname} is a storage route of the table`).toBeDefined();
      const stored = await fetchSeen(location.toString());
      expect(stored.status).toBe(200);
      expect(stored.mediaType).toMatch(/^(text\/plain|application\/zip)$/);
      reached.add(nameOf(target!));
    }

    const unauthenticated = await call(route, samples, false);
    expect(unauthenticated.status).toBe(401);
    expect(errorProblems(id!, route, unauthenticated), `${nameOf(route)} without a token`).toEqual([]);

    const missing = await call(route, { ...samples, repo: 'no-such-repository' });
    expect(missing.status).toBe(404);
    expect(errorProblems(id!, route, missing), `${nameOf(route)} of a repository that does not exist`).toEqual([]);
    checked.add(nameOf(route));
  });

  it('checked every REST route of the table and reached every storage route through a redirect', () => {
    expect([...checked].sort()).toEqual(restRoutes.map(nameOf).sort());
    expect([...reached].sort()).toEqual(redirectTargets.map(nameOf).sort());
  });
});
