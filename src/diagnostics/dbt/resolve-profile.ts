import type { DbtClient, ProfileConnection } from '../../clients/dbt';
import { ProfileError, projectProfileName, renderOutput, selectProfileTarget, type ProfileTarget } from './profile';

/** The project's profile target, or what is missing to find it. */
export type ResolvedProfile =
  | { kind: 'found'; file: string; target: ProfileTarget }
  | { kind: 'missing'; problem: string };

/** Finds dbt_project.yml's profile in profiles.yml and selects the configured (or default) target. */
export function resolveProfile(dbt: DbtClient): ResolvedProfile {
  const project = dbt.readProjectFile('dbt_project.yml');
  if (!project) return { kind: 'missing', problem: `no dbt_project.yml in ${dbt.projectDir}` };
  const name = projectProfileName(project.text);
  if (!name) return { kind: 'missing', problem: 'dbt_project.yml names no profile' };
  const profiles = dbt.readProfiles();
  if (!profiles) return { kind: 'missing', problem: `no profiles.yml in ${dbt.profilesDirs.join(', ')}` };
  try {
    return { kind: 'found', file: profiles.path, target: selectProfileTarget(profiles.text, name, dbt.target) };
  } catch (error) {
    if (error instanceof ProfileError) return { kind: 'missing', problem: `${profiles.path}: ${error.message}` };
    throw error;
  }
}

/** Raised when a profile's target is not a Snowflake one or lacks a setting the connection needs. */
export class ProfileConnectionError extends Error {
  override name = 'ProfileConnectionError';
  constructor(readonly missing: string[], message: string) {
    super(message);
  }
}

/** The Snowflake connection settings a profile target renders to with the dbt environment. */
export function profileConnection(target: ProfileTarget, env: Readonly<Record<string, string | undefined>>): ProfileConnection {
  const output = renderOutput(target.output, env);
  if (output.type !== 'snowflake') throw new ProfileConnectionError([], `target ${target.target} is of type ${String(output.type)}, not snowflake`);
  const text = (key: string) => (output[key] === undefined || output[key] === '' ? null : String(output[key]));
  const missing = ['account', 'user'].filter((key) => !text(key));
  if (missing.length) throw new ProfileConnectionError(missing, `target ${target.target} renders without ${missing.join(', ')}`);
  const port = text('port');
  return {
    account: text('account')!,
    user: text('user')!,
    password: text('password') ?? '',
    host: text('host'),
    port: port && /^\d+$/.test(port) ? Number(port) : null,
    protocol: text('protocol') === 'http' ? 'http' : 'https',
    warehouse: text('warehouse'),
    database: text('database'),
    schema: text('schema'),
    role: text('role'),
  };
}
