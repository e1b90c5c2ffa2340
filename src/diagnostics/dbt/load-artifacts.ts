import type { DbtClient } from '../../clients/dbt';
import { parseManifest, type Manifest } from './manifest';
import { parseRunResults, type RunResults } from './run-results';
import { MalformedArtifactError, type ArtifactKind } from './schema-version';

/** Raised when the project has no such artifact yet (dbt never ran there, or target/ was cleaned). */
export class MissingArtifactError extends Error {
  override name = 'MissingArtifactError';
  constructor(readonly file: string) {
    super(`${file} does not exist: run dbt in the project first (dbt build or dbt test writes it)`);
  }
}

/** An artifact with where it came from and when it was written. */
export interface Loaded<T> {
  value: T;
  path: string;
  modifiedAt: Date;
}

function readJson(dbt: DbtClient, relative: string, kind: ArtifactKind, required: boolean): { document: unknown; path: string; modifiedAt: Date } | null {
  const file = dbt.readProjectFile(relative);
  if (!file) {
    if (required) throw new MissingArtifactError(`${dbt.projectDir}/${relative}`);
    return null;
  }
  try {
    return { document: JSON.parse(file.text), path: file.path, modifiedAt: file.modifiedAt };
  } catch (cause) {
    throw new MalformedArtifactError(kind, `${file.path} is not JSON`, { cause });
  }
}

/** Reads and parses target/run_results.json. */
export function loadRunResults(dbt: DbtClient): Loaded<RunResults> {
  const raw = readJson(dbt, 'target/run_results.json', 'run-results', true)!;
  return { value: parseRunResults(raw.document), path: raw.path, modifiedAt: raw.modifiedAt };
}

/** Reads and parses target/manifest.json. */
export function loadManifest(dbt: DbtClient): Loaded<Manifest> {
  const raw = readJson(dbt, 'target/manifest.json', 'manifest', true)!;
  return { value: parseManifest(raw.document), path: raw.path, modifiedAt: raw.modifiedAt };
}

/** Reads target/sources.json as JSON when it exists (parsed by the freshness check). */
export function readSourcesJson(dbt: DbtClient): { document: unknown; path: string } | null {
  return readJson(dbt, 'target/sources.json', 'sources', false);
}
