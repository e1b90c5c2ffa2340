// Every route of the simulated Airflow (enumerated from its own route table, so a new route cannot escape)
// is called for each API version it serves and its answers are validated against the real OpenAPI specs:
// Airflow 2.10's stable REST API (v1) and Airflow 3's /api/v2, from ../shared/real/airflow.
import './support/no-egress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate } from '../src/sandbox/core/path-template';
import { airflowRoutes, servedPath, type AirflowRoute } from '../src/sandbox/airflow/routes';
import type { ApiVersion } from '../src/sandbox/airflow/wire';
import { sandboxAirflowToken } from '../src/sandbox/airflow/credentials';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { ContractValidator } from './support/openapi/contract-validator';
import { fetchSeen, specProblems, type SeenResponse } from './support/openapi/check-response';
import { missingSpecs, readSpec, realSpecFiles } from './support/openapi/real-specs';

const skipped = missingSpecs(realSpecFiles.airflowV1, realSpecFiles.airflowV2);
const specId: Record<ApiVersion, string> = { v1: 'airflow-v1', v2: 'airflow-v2' };

/** One route served on one API version: the unit the contract is checked for. */
interface Served {
  route: AirflowRoute;
  version: ApiVersion;
  specPath: string;
  name: string;
}

const served: Served[] = airflowRoutes.flatMap((route) =>
  (Object.entries(route.paths) as Array<[ApiVersion, string]>).map(([version, specPath]) => ({ route, version, specPath, name: `${route.method} ${specPath} (${version})` })),
);

/** The real specs, read when they are there (the tests below are skipped otherwise). */
const documents = skipped ? null : { v1: readSpec(realSpecFiles.airflowV1), v2: readSpec(realSpecFiles.airflowV2) };

/** True when the spec's operation takes a `limit` query parameter, itself or through a parameter $ref. */
function pagedBySpec(entry: Served): boolean {
  if (!documents) return false;
  const document = documents[entry.version] as { paths: Record<string, Record<string, { parameters?: Array<{ name?: string; $ref?: string }> }>>; components: { parameters?: Record<string, { name?: string }> } };
  const parameters = document.paths[entry.specPath]?.[entry.route.method.toLowerCase()]?.parameters ?? [];
  return parameters.some((p) => (p.$ref ? document.components.parameters?.[p.$ref.split('/').pop()!]?.name : p.name) === 'limit');
}

describe.skipIf(skipped)(`the simulated Airflow answers as Airflow 2.10's and Airflow 3's OpenAPI specs say${skipped ? ` (${skipped})` : ''}`, () => {
  let sandbox: Sandbox;
  let validator: ContractValidator;
  let samples: Record<string, string>;
  let user: { username: string; password: string };
  const checked = new Set<string>();

  beforeAll(async () => {
    sandbox = await startSandbox({ world: 'airflow-dbt-task-failed' });
    validator = new ContractValidator([
      // Airflow 2's marshmallow schemas write every declared field: a missing one is a difference from the real server.
      { id: specId.v1, document: documents!.v1, strictness: { closed: true, complete: true }, errorStrictness: { closed: true, complete: false } },
      { id: specId.v2, document: documents!.v2, strictness: { closed: true, complete: false } },
    ]);
    const dag = [...sandbox.states.airflow.dags.values()].find((d) => d.runs.some((r) => [...r.tasks.values()].some((t) => Object.keys(t.logs).length)))!;
    const run = dag.runs.find((r) => [...r.tasks.values()].some((t) => Object.keys(t.logs).length))!;
    const ti = [...run.tasks.values()].find((t) => Object.keys(t.logs).length)!;
    const tryNumber = Object.keys(ti.logs).sort().at(-1)!;
    samples = { dag_id: dag.dagId, dag_run_id: run.runId, task_id: ti.taskId, task_try_number: tryNumber, try_number: tryNumber };
    const [username, known] = Object.entries(sandbox.states.airflow.users)[0]!;
    user = { username, password: known.password };
  });
  afterAll(() => sandbox?.stop());

  const bodyFor = (entry: Served): unknown =>
    entry.specPath === '/auth/token'
      ? user
      : { dry_run: true, dag_run_id: samples.dag_run_id, task_ids: [samples.task_id], only_failed: true, include_downstream: true };

  const call = (entry: Served, values: Record<string, string>, options: { auth?: boolean; query?: string; accept?: string } = {}): Promise<SeenResponse> => {
    const url = `${sandbox.url}/airflow${servedPath(entry.version, fillTemplate(entry.specPath, values))}${options.query ?? ''}`;
    const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
    if (options.auth !== false) headers.authorization = `Bearer ${sandboxAirflowToken}`;
    if (entry.route.method === 'POST') headers['content-type'] = 'application/json';
    return fetchSeen(url, { method: entry.route.method, headers, ...(entry.route.method === 'POST' ? { body: JSON.stringify(bodyFor(entry)) } : {}) });
  };

  /** The spec's operation, or, for the token endpoint, the OAuth2 password flow that names it as its tokenUrl. */
  const declaredBySpec = (entry: Served): 'operation' | 'tokenUrl' | null => {
    if (validator.operation(specId[entry.version], entry.specPath, entry.route.method)) return 'operation';
    const schemes = (documents![entry.version].components as { securitySchemes?: Record<string, { flows?: { password?: { tokenUrl?: string } } }> }).securitySchemes ?? {};
    return Object.values(schemes).some((s) => s.flows?.password?.tokenUrl === entry.specPath) ? 'tokenUrl' : null;
  };

  it.each(served)('$name is in the spec and its success, unauthenticated and not-found answers are as specified', async (entry) => {
    const declared = declaredBySpec(entry);
    expect(declared, `${entry.name} is not an operation of the ${entry.version} spec`).not.toBeNull();
    const success = await call(entry, samples);
    if (declared === 'tokenUrl') {
      // The spec declares the endpoint only as its OAuth2 password flow's tokenUrl, with no response schema.
      expect(success.status).toBe(201);
      expect(success.body).toMatchObject({ access_token: expect.any(String) });
      checked.add(entry.name);
      return;
    }
    expect(success.status, JSON.stringify(success.body)).toBeLessThan(300);
    // Airflow 2.10's spec declares Task.sub_dag a DAG, not nullable, but its marshmallow schema writes null for every task
    // outside a SubDAG (all of them since SubDagOperator's deprecation): the simulator writes what the server sends.
    const specDeviations = entry.version === 'v1' ? /^\/tasks\/\d+\/sub_dag must be object$/ : null;
    const problems = specProblems(validator, specId[entry.version], entry.specPath, entry.route.method, success).filter((problem) => !specDeviations?.test(problem));
    expect(problems, `${entry.name} success`).toEqual([]);

    const unauthenticated = await call(entry, samples, { auth: false });
    expect(unauthenticated.status).toBe(401);
    expect(specProblems(validator, specId[entry.version], entry.specPath, entry.route.method, unauthenticated), `${entry.name} without credentials`).toEqual([]);

    const missing = await call(entry, { ...samples, dag_id: 'no_such_dag' });
    expect(specProblems(validator, specId[entry.version], entry.specPath, entry.route.method, missing), `${entry.name} for a DAG that does not exist`).toEqual([]);
    checked.add(entry.name);
  });

  const paged = served.filter(pagedBySpec);

  it('finds the paged lists in the specs: DAGs, DAG runs and task instances on both versions', () => {
    expect(paged.map((entry) => entry.name)).toHaveLength(6);
  });

  it.each(paged)('$name honours limit and offset, which its spec declares', async (entry) => {
    const all = await call(entry, samples);
    const listKey = Object.keys(all.body as object).find((key) => Array.isArray((all.body as Record<string, unknown>)[key]))!;
    const full = (all.body as Record<string, unknown[]>)[listKey]!;
    expect(full.length, `${entry.name} lists something in this world`).toBeGreaterThanOrEqual(1);
    for (const offset of [0, 1]) {
      const page = await call(entry, samples, { query: `?limit=1&offset=${offset}` });
      expect((page.body as Record<string, unknown>)[listKey], `limit=1&offset=${offset}`).toEqual(full.slice(offset, offset + 1));
      expect((page.body as { total_entries: number }).total_entries).toBe(full.length);
      expect(specProblems(validator, specId[entry.version], entry.specPath, entry.route.method, page)).toEqual([]);
    }
  });

  it('serves the log in every media type the specs declare for it', async () => {
    for (const entry of served.filter((e) => /logs/.test(e.specPath))) {
      for (const accept of entry.version === 'v1' ? ['text/plain'] : ['application/x-ndjson']) {
        const seen = await call(entry, samples, { accept });
        expect(seen.mediaType).toBe(accept);
        expect(specProblems(validator, specId[entry.version], entry.specPath, 'GET', seen)).toEqual([]);
      }
    }
  });

  it('checked every route of the table on every version it serves', () => {
    expect([...checked].sort()).toEqual(served.map((entry) => entry.name).sort());
  });
});
