import { blobNotFound, githubError, githubJson, redirectTo } from '../responses';
import { paginate } from '../pagination';
import { artifactShape } from '../shapes';
import type { GithubArtifact } from '../state';
import { writeZip } from '../zip';
import type { GithubCall, GithubOperation } from './context';

const zips = new WeakMap<GithubArtifact, Buffer>();

/** The zip of an artifact's files: strings as they are, anything else as JSON; built once per artifact, whose files never change. */
export function artifactZip(artifact: GithubArtifact): Buffer {
  let zip = zips.get(artifact);
  if (!zip) {
    zip = writeZip(Object.entries(artifact.files).map(([name, value]) => ({ name, data: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, 2)) })));
    zips.set(artifact, zip);
  }
  return zip;
}

function findArtifact(call: GithubCall, artifactId: string | undefined): GithubArtifact | undefined {
  return call.repo.runs.flatMap((run) => run.artifacts).find((artifact) => artifact.id === Number(artifactId));
}

/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`, optionally filtered by `name`. */
export const listRunArtifacts: GithubOperation = (call) => {
  const runId = call.params.run_id;
  const operation = 'ListWorkflowRunArtifacts';
  const run = call.repo.runs.find((r) => r.id === Number(runId));
  if (!run) return { response: githubError(404, 'Not Found'), call: { operation, mutates: false } };
  const name = call.request.url.searchParams.get('name');
  const selected = run.artifacts.filter((artifact) => !name || artifact.name === name);
  const page = paginate(selected, call.request.url);
  const body = { total_count: selected.length, artifacts: page.items.map((artifact) => artifactShape(call.repo, run, artifact, artifactZip(artifact).length, call.urls)) };
  return { response: githubJson(200, body, page.link ? { link: page.link } : {}), call: { operation, mutates: false } };
};

/** `GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/zip`: 302 to the archive; 410 once it expired. */
export const downloadArtifactRedirect: GithubOperation = (call) => {
  const { artifact_id: artifactId, archive_format: format } = call.params;
  const operation = 'DownloadArtifact';
  const artifact = findArtifact(call, artifactId);
  if (!artifact || format !== 'zip') return { response: githubError(404, 'Not Found'), call: { operation, mutates: false } };
  if (artifact.expired) return { response: githubError(410, 'Artifact has expired'), call: { operation, mutates: false } };
  return { response: redirectTo(`${call.urls.api}/_blobs/${call.repo.owner}/${call.repo.name}/artifacts/${artifact.id}.zip`), call: { operation, mutates: false } };
};

/** The archive behind the redirect. */
export const artifactBlob: GithubOperation = (call) => {
  const artifactId = call.params.artifact_id;
  const artifact = findArtifact(call, artifactId);
  if (!artifact) return { response: blobNotFound(), call: { operation: 'GetArtifactBlob', mutates: false } };
  return { response: { status: 200, headers: { 'content-type': 'application/zip' }, body: artifactZip(artifact) }, call: { operation: 'GetArtifactBlob', mutates: false } };
};
