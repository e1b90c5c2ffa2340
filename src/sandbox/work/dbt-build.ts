import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sandboxCredentials } from '../credentials';

/** One line dbt writes to the task log, as Airflow records it. */
export interface DbtLogLine {
  level: 'INFO' | 'ERROR';
  source: string;
  event: string;
}

/** How `dbt build` ends when the Airflow task runs it now. */
export interface DbtOutcome {
  succeeded: boolean;
  lines: DbtLogLine[];
}

const info = (event: string, source = 'subprocess.py:93'): DbtLogLine => ({ level: 'INFO', source, event });
const error = (event: string): DbtLogLine => ({ level: 'ERROR', source: 'subprocess.py:93', event });

function readYaml(file: string): Record<string, unknown> | null {
  if (!existsSync(file)) return null;
  // Loaded here, not with the sandbox: only a re-run of the dbt task reads the project's YAML.
  const { parse } = require('yaml') as typeof import('yaml');
  const value: unknown = parse(readFileSync(file, 'utf8'));
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** The packages packages.yml asks for, and how many are installed in dbt_packages/ (what `dbt deps` writes). */
function packageCounts(projectDir: string): { declared: number; installed: number } {
  const declared = ((readYaml(path.join(projectDir, 'packages.yml'))?.packages as unknown[] | undefined) ?? []).length;
  const installedDir = path.join(projectDir, 'dbt_packages');
  const installed = existsSync(installedDir) ? readdirSync(installedDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(path.join(installedDir, entry.name, 'dbt_project.yml'))).length : 0;
  return { declared, installed };
}

/** Renders the `{{ env_var('NAME', 'default') }}` templates of a profile value with the worker's environment. */
function render(value: unknown, environment: Readonly<Record<string, string>>): string {
  return String(value ?? '').replace(/\{\{\s*env_var\(\s*'([^']+)'\s*(?:,\s*'([^']*)'\s*)?\)\s*(?:\|\s*\w+\s*)?\}\}/g, (_all, name: string, fallback?: string) => environment[name] ?? fallback ?? '');
}

/** The Snowflake connection of the project's profile and target, rendered: where dbt will connect and as whom. */
function profileConnection(projectDir: string, environment: Readonly<Record<string, string>>): { host: string; port: string; user: string; password: string } | string {
  const project = readYaml(path.join(projectDir, 'dbt_project.yml'));
  const profiles = readYaml(path.join(projectDir, 'profiles.yml'));
  const profile = profiles?.[String(project?.profile ?? '')] as { target?: string; outputs?: Record<string, Record<string, unknown>> } | undefined;
  const output = profile?.outputs?.[profile.target ?? 'dev'];
  if (!output) return `Runtime Error\n  Could not find profile named '${String(project?.profile ?? '')}' with a target in profiles.yml`;
  return { host: render(output.host, environment), port: render(output.port, environment), user: render(output.user, environment), password: render(output.password, environment) };
}

/**
 * Runs `dbt build` the way the Airflow worker would, against the world's dbt project as it is on disk now: the
 * project must exist, its packages be installed (`dbt deps`), and its profile reach the sandbox's Snowflake as a
 * user it knows. The models' SQL and the tests are not executed here (3.4 reads their recorded results).
 */
export function evaluateDbtBuild(projectDir: string | null, sandboxPort: number, environment: Readonly<Record<string, string>>): DbtOutcome {
  const start = [info("Running command: ['/usr/bin/bash', '-c', 'dbt build --project-dir /opt/airflow/dbt --profiles-dir /opt/airflow/dbt --target prod']", 'subprocess.py:75'), info('Running with dbt=1.10.9')];
  const exit = (code: number, lines: DbtLogLine[]): DbtOutcome => ({ succeeded: code === 0, lines: [...start, ...lines, info(`Command exited with return code ${code}`, 'subprocess.py:97')] });
  if (!projectDir || !existsSync(path.join(projectDir, 'dbt_project.yml'))) return exit(2, [error('Encountered an error:\nRuntime Error\n  No dbt_project.yml found at expected path /opt/airflow/dbt/dbt_project.yml')]);
  const packages = packageCounts(projectDir);
  if (packages.installed < packages.declared) {
    return exit(2, [error(`Encountered an error:\nCompilation Error\n  dbt found ${packages.declared} package(s) specified in packages.yml, but only ${packages.installed} package(s) installed in dbt_packages. Run "dbt deps" to install package dependencies.`)]);
  }
  const connection = profileConnection(projectDir, environment);
  if (typeof connection === 'string') return exit(2, [error(`Encountered an error:\n${connection}`)]);
  const reachable = ['127.0.0.1', 'localhost'].includes(connection.host) && connection.port === String(sandboxPort);
  if (!reachable) return exit(1, [error(`Database Error\n  250001 (08001): Could not connect to Snowflake backend after 2 attempt(s).Aborting (${connection.host}:${connection.port})`)]);
  if (connection.user !== sandboxCredentials.snowflake.username || connection.password !== sandboxCredentials.snowflake.password) {
    return exit(1, [error('Database Error\n  250001 (08001): Failed to connect to DB: Incorrect username or password was specified.')]);
  }
  return exit(0, [info('Finished running models, tests and seeds.'), info('Completed successfully')]);
}
