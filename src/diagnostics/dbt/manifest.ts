import { z } from 'zod';
import { artifactVersion, MalformedArtifactError } from './schema-version';

const periodSchema = z.object({ count: z.number().nullish(), period: z.string().nullish() }).nullish();

const nodeSchema = z.object({
  unique_id: z.string(),
  resource_type: z.string(),
  name: z.string(),
  package_name: z.string().nullish(),
  path: z.string().nullish(),
  original_file_path: z.string().nullish(),
  compiled_path: z.string().nullish(),
  database: z.string().nullish(),
  schema: z.string().nullish(),
  alias: z.string().nullish(),
  relation_name: z.string().nullish(),
  depends_on: z.object({ nodes: z.array(z.string()).default([]) }).partial().nullish(),
  attached_node: z.string().nullish(),
  column_name: z.string().nullish(),
  file_key_name: z.string().nullish(),
  test_metadata: z.object({ name: z.string(), namespace: z.string().nullish(), kwargs: z.record(z.string(), z.unknown()).default({}) }).nullish(),
  config: z.object({ materialized: z.string().nullish(), unique_key: z.unknown(), incremental_strategy: z.unknown() }).partial().passthrough().nullish(),
});

const sourceSchema = z.object({
  unique_id: z.string(),
  source_name: z.string(),
  name: z.string(),
  database: z.string().nullish(),
  schema: z.string().nullish(),
  identifier: z.string().nullish(),
  relation_name: z.string().nullish(),
  loaded_at_field: z.string().nullish(),
  freshness: z.object({ warn_after: periodSchema, error_after: periodSchema }).partial().nullish(),
  /** dbt 1.10 also writes the freshness into the source's config (where a project may set it alone). */
  config: z.object({ freshness: z.object({ warn_after: periodSchema, error_after: periodSchema }).partial().nullish() }).partial().passthrough().nullish(),
  original_file_path: z.string().nullish(),
});

const manifestSchema = z.object({
  metadata: z.object({ dbt_version: z.string().nullish(), generated_at: z.string().nullish(), project_name: z.string().nullish(), adapter_type: z.string().nullish() }),
  nodes: z.record(z.string(), nodeSchema),
  sources: z.record(z.string(), sourceSchema).default({}),
  parent_map: z.record(z.string(), z.array(z.string())).nullish(),
});

/** A generic test's declaration: its name (`unique`), namespace (`dbt_utils`) and arguments. */
export interface TestMetadata {
  name: string;
  namespace: string | null;
  kwargs: Record<string, unknown>;
}

/** A model, test, seed or snapshot of the manifest, with the fields the checks use. */
export interface ManifestNode {
  uniqueId: string;
  resourceType: string;
  name: string;
  packageName: string | null;
  /** The file that declares it (`models/marts/fct_reviews.sql`, or the schema.yml of a generic test). */
  originalFilePath: string | null;
  /** Where dbt writes the compiled SQL (`target/compiled/…`), when recorded. */
  compiledPath: string | null;
  /** The node's path inside its resource folder (`unique_fct_reviews_review_id.sql` for a generic test). */
  path: string | null;
  relationName: string | null;
  database: string | null;
  schema: string | null;
  alias: string | null;
  dependsOn: string[];
  attachedNode: string | null;
  columnName: string | null;
  fileKeyName: string | null;
  testMetadata: TestMetadata | null;
  materialized: string | null;
  /** `config.unique_key` as written (a column, a list of columns, null), unread: its judge says what it means. */
  uniqueKey: unknown;
  /** `config.incremental_strategy` as written (`merge`, `insert_overwrite`, `microbatch`, null), unread. */
  incrementalStrategy: unknown;
}

/** A freshness threshold: `{ count: 24, period: 'hour' }`. */
export interface FreshnessThreshold {
  count: number;
  period: string;
}

/** A source table of the manifest. */
export interface ManifestSource {
  uniqueId: string;
  sourceName: string;
  name: string;
  relationName: string | null;
  database: string | null;
  schema: string | null;
  identifier: string | null;
  loadedAtField: string | null;
  warnAfter: FreshnessThreshold | null;
  errorAfter: FreshnessThreshold | null;
}

/** A parsed manifest.json, whatever schema version wrote it. */
export interface Manifest {
  schemaVersion: number;
  dbtVersion: string | null;
  projectName: string | null;
  adapterType: string | null;
  nodes: Map<string, ManifestNode>;
  sources: Map<string, ManifestSource>;
  /** Node → the nodes and sources it selects from (from `parent_map`, or `depends_on` when absent). */
  parentMap: Map<string, string[]>;
}

const threshold = (value: z.infer<typeof periodSchema>): FreshnessThreshold | null =>
  value && typeof value.count === 'number' && value.period ? { count: value.count, period: value.period } : null;

/** Parses manifest.json of schema v4 to v12; an unknown version or shape raises a typed error. */
export function parseManifest(document: unknown): Manifest {
  const schemaVersion = artifactVersion('manifest', document);
  const parsed = manifestSchema.safeParse(document);
  if (!parsed.success) {
    throw new MalformedArtifactError('manifest', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; '));
  }
  const { metadata } = parsed.data;
  const nodes = new Map<string, ManifestNode>();
  for (const [id, node] of Object.entries(parsed.data.nodes)) {
    nodes.set(id, {
      uniqueId: node.unique_id,
      resourceType: node.resource_type,
      name: node.name,
      packageName: node.package_name ?? null,
      originalFilePath: node.original_file_path ?? null,
      compiledPath: node.compiled_path ?? null,
      path: node.path ?? null,
      relationName: node.relation_name ?? null,
      database: node.database ?? null,
      schema: node.schema ?? null,
      alias: node.alias ?? null,
      dependsOn: node.depends_on?.nodes ?? [],
      attachedNode: node.attached_node ?? null,
      columnName: node.column_name ?? null,
      fileKeyName: node.file_key_name ?? null,
      testMetadata: node.test_metadata ? { name: node.test_metadata.name, namespace: node.test_metadata.namespace ?? null, kwargs: node.test_metadata.kwargs } : null,
      materialized: node.config?.materialized ?? null,
      uniqueKey: node.config?.unique_key ?? null,
      incrementalStrategy: node.config?.incremental_strategy ?? null,
    });
  }
  const sources = new Map<string, ManifestSource>();
  for (const [id, source] of Object.entries(parsed.data.sources)) {
    sources.set(id, {
      uniqueId: source.unique_id,
      sourceName: source.source_name,
      name: source.name,
      relationName: source.relation_name ?? null,
      database: source.database ?? null,
      schema: source.schema ?? null,
      identifier: source.identifier ?? null,
      loadedAtField: source.loaded_at_field ?? null,
      warnAfter: threshold(source.freshness?.warn_after) ?? threshold(source.config?.freshness?.warn_after),
      errorAfter: threshold(source.freshness?.error_after) ?? threshold(source.config?.freshness?.error_after),
    });
  }
  const parentMap = new Map<string, string[]>(
    parsed.data.parent_map ? Object.entries(parsed.data.parent_map) : [...nodes.values()].map((node) => [node.uniqueId, node.dependsOn]),
  );
  return { schemaVersion, dbtVersion: metadata.dbt_version ?? null, projectName: metadata.project_name ?? null, adapterType: metadata.adapter_type ?? null, nodes, sources, parentMap };
}
