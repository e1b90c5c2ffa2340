/** The dbt artifact kinds the checks read, with the schema versions each parser accepts. */
export const supportedVersions = {
  'run-results': [2, 3, 4, 5, 6],
  manifest: [4, 5, 6, 7, 8, 9, 10, 11, 12],
  sources: [1, 2, 3],
} as const;

/** The dbt releases that write the supported schema versions (schemas.getdbt.com; checked against real artifacts in ../shared/real/dbt). */
export const supportedDbtReleases: Record<keyof typeof supportedVersions, string> = {
  'run-results': 'dbt 0.20 to 1.11 (v2: 0.20, v3: 0.21, v4: 1.0–1.4, v5: 1.5–1.7, v6: 1.8 and later)',
  manifest: 'dbt 1.0 to 1.11 (v4: 1.0, v5: 1.1, … v11: 1.7, v12: 1.8 and later)',
  sources: 'dbt 0.19 and later',
};

/** A dbt artifact kind. */
export type ArtifactKind = keyof typeof supportedVersions;

/** Raised for an artifact that is not JSON of the expected kind, or whose shape the parser cannot read. */
export class MalformedArtifactError extends Error {
  override name = 'MalformedArtifactError';
  constructor(readonly kind: ArtifactKind, readonly detail: string, options?: { cause?: unknown }) {
    super(`not a readable dbt ${kind} artifact: ${detail}`, options);
  }
}

/** Raised for an artifact written with a schema version this parser does not know; names the ones it does. */
export class UnsupportedSchemaVersionError extends Error {
  override name = 'UnsupportedSchemaVersionError';
  constructor(readonly kind: ArtifactKind, readonly schemaVersion: string, readonly dbtVersion: string | null) {
    super(
      `Unexpected ${kind} schema ${schemaVersion}${dbtVersion ? ` (written by dbt ${dbtVersion})` : ''}, expected one of ${supportedVersions[kind]
        .map((v) => `v${v}`)
        .join(', ')}, written by ${supportedDbtReleases[kind]}: upgrade runbook-as-code or regenerate the artifact with a supported dbt version`,
    );
  }
}

/** Reads `metadata.dbt_schema_version` (`https://schemas.getdbt.com/dbt/run-results/v6.json`) and checks kind and version. */
export function artifactVersion(kind: ArtifactKind, document: unknown): number {
  if (!document || typeof document !== 'object' || Array.isArray(document)) throw new MalformedArtifactError(kind, 'expected a JSON object');
  const metadata = (document as { metadata?: { dbt_schema_version?: unknown; dbt_version?: unknown } }).metadata;
  const url = metadata?.dbt_schema_version;
  if (typeof url !== 'string') throw new MalformedArtifactError(kind, 'metadata.dbt_schema_version is missing');
  const match = /\/dbt\/([\w-]+)\/v(\d+)\.json$/.exec(url);
  if (!match || match[1] !== kind) throw new MalformedArtifactError(kind, `metadata.dbt_schema_version is ${url}, expected a ${kind} schema`);
  const version = Number(match[2]);
  if (!(supportedVersions[kind] as readonly number[]).includes(version)) {
    throw new UnsupportedSchemaVersionError(kind, `v${version}`, typeof metadata?.dbt_version === 'string' ? metadata.dbt_version : null);
  }
  return version;
}
