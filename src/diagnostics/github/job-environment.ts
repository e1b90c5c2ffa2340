import YAML from 'yaml';

/** Where a workflow's job deploys: the environment it names, none, or why that cannot be read. */
export type JobEnvironment =
  | { kind: 'named'; name: string }
  | { kind: 'none' }
  | { kind: 'expression'; value: string }
  | { kind: 'no-job'; jobs: string[] }
  | { kind: 'unreadable'; problem: string };

/** Reads `jobs.<job>.environment` of a workflow file: a name, or `{ name, url }`; an `${{ }}` expression is decided at run time. */
export function jobEnvironment(workflowText: string, job: string): JobEnvironment {
  let document: unknown;
  try {
    document = YAML.parse(workflowText);
  } catch (error) {
    return { kind: 'unreadable', problem: `not YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  const jobs = (document as { jobs?: unknown } | null)?.jobs;
  if (!jobs || typeof jobs !== 'object' || Array.isArray(jobs)) return { kind: 'unreadable', problem: 'no jobs: mapping, expected a GitHub Actions workflow' };
  const entry = (jobs as Record<string, unknown>)[job];
  if (entry === undefined) return { kind: 'no-job', jobs: Object.keys(jobs) };
  if (!entry || typeof entry !== 'object') return { kind: 'unreadable', problem: `jobs.${job} is not a mapping` };
  const environment = (entry as { environment?: unknown }).environment;
  if (environment === undefined || environment === null) return { kind: 'none' };
  const name = typeof environment === 'string' ? environment : (environment as { name?: unknown }).name;
  if (typeof name !== 'string' || !name) return { kind: 'unreadable', problem: `jobs.${job}.environment is ${JSON.stringify(environment)}, expected a name or { name, url }` };
  if (name.includes('${{')) return { kind: 'expression', value: name };
  return { kind: 'named', name };
}
