import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { findExecutable, runCommand, type CommandOutcome } from './dbt-cli';
import { probeTcp, type TcpProbe } from './dbt-network';
import { observeCall, type ServiceCallListener } from './service-calls';
import type { ServiceBreaker } from './breaker/service-breaker';
import { openSnowflake, type SnowflakeSession } from './snowflake';
import type { DbtTarget } from './targets';

export type { CommandOutcome } from './dbt-cli';
export type { TcpProbe } from './dbt-network';

/** A file of the project read from disk, with when it was last written. */
export interface ProjectFile {
  path: string;
  text: string;
  modifiedAt: Date;
}

/** Snowflake connection settings rendered from a dbt profile's output. */
export interface ProfileConnection {
  account: string;
  user: string;
  password: string;
  host: string | null;
  port: number | null;
  protocol: 'http' | 'https';
  warehouse: string | null;
  database: string | null;
  schema: string | null;
  role: string | null;
}

/** The configured dbt project: its files, the environment dbt runs with, the dbt CLI, and the profile's Snowflake. */
export interface DbtClient {
  projectDir: string;
  /** Where profiles.yml is looked for, in order. */
  profilesDirs: string[];
  /** The configured target, when one overrides the profile's default. */
  target: string | undefined;
  /** The environment the dbt process runs with (its values are secrets: never report them). */
  environment: Readonly<Record<string, string | undefined>>;
  testCommand: readonly string[];
  runTests: 'auto' | 'never';
  /** Artifacts older than this many hours are stale. */
  artifactMaxAgeHours: number;
  /** Declared grains by model name, and how many sample keys to show. */
  grain: Readonly<Record<string, readonly string[]>>;
  sampleKeys: number;
  /** Freshness by query when no sources.json exists. */
  freshness: DbtTarget['freshness'];
  /** Reads a file relative to the project directory; null when it does not exist. */
  readProjectFile(relative: string): ProjectFile | null;
  /** Reads profiles.yml from the first profiles directory that has one. */
  readProfiles(): ProjectFile | null;
  /** The dbt executable on the environment's PATH, or null when dbt is not installed. */
  findCli(): string | null;
  /** Runs a command in the project directory, streaming its output. */
  run(argv: readonly string[], options: { signal: AbortSignal; onLine(line: string): void }): Promise<CommandOutcome>;
  /** Tries a TCP connection to a host and port. */
  probe(host: string, port: number): Promise<TcpProbe>;
  /** Logs in to Snowflake with the profile's settings; the session refuses statements that are not reads. */
  connectSnowflake(connection: ProfileConnection): Promise<SnowflakeSession>;
}

/**
 * The configured dbt project is not there: never configured where it points, or the sandbox that owned the fixture
 * stopped. Nothing was read, so nothing can be said about the platform.
 */
export class DbtProjectMissingError extends Error {
  override name = 'DbtProjectMissingError';
  constructor(readonly projectDir: string, readonly fixtureOf?: string) {
    super(
      fixtureOf
        ? `the sandbox's dbt project ${projectDir} is gone: the sandbox at ${fixtureOf} stopped or loaded another world while the check ran, so nothing of it was read`
        : `the dbt project ${projectDir} does not exist: set dbt.projectDir in runbook.config.ts (relative paths resolve from its folder) to the folder that holds dbt_project.yml`,
    );
  }
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function readIfExists(file: string): ProjectFile | null {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return null;
    return { path: file, text: readFileSync(file, 'utf8'), modifiedAt: stat.mtime };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The Snowflake URL a profile connection points at: its host and port, else the account's own. */
export function profileAccessUrl(connection: ProfileConnection): string {
  const host = connection.host || `${connection.account}.snowflakecomputing.com`;
  const port = connection.port ?? (connection.protocol === 'http' ? 80 : 443);
  return `${connection.protocol}://${host}:${port}`;
}

/** Creates the dbt client of a target. */
export function createDbtClient(target: DbtTarget, onCall?: ServiceCallListener, breaker?: ServiceBreaker): DbtClient {
  const projectDir = target.projectDir;
  const env = target.environment;
  /** A file that is not there means the project lacks it only while the project itself is there (the sandbox removes it whole). */
  const absentFromProject = (): null => {
    if (!isFolder(projectDir)) throw new DbtProjectMissingError(projectDir, target.fixtureOf);
    return null;
  };
  const profilesDirs = [target.profilesDir, env.DBT_PROFILES_DIR, projectDir, path.join(homedir(), '.dbt')].filter((d): d is string => Boolean(d));
  return {
    projectDir,
    profilesDirs,
    target: target.target,
    environment: env,
    testCommand: target.testCommand,
    runTests: target.runTests,
    artifactMaxAgeHours: target.artifactMaxAgeHours,
    grain: target.grain,
    sampleKeys: target.sampleKeys,
    freshness: target.freshness,
    readProjectFile: (relative) => readIfExists(path.resolve(projectDir, relative)) ?? absentFromProject(),
    readProfiles: () => {
      for (const dir of profilesDirs) {
        const found = readIfExists(path.join(dir, 'profiles.yml'));
        if (found) return found;
      }
      return absentFromProject();
    },
    findCli: () => findExecutable(target.testCommand[0] ?? 'dbt', env.PATH),
    run: (argv, options) =>
      observeCall(onCall, 'dbt', [path.basename(argv[0] ?? 'dbt'), ...argv.slice(1)].join(' '), () => {
        absentFromProject();
        return runCommand(argv, { cwd: projectDir, env, ...options });
      }),
    probe: (host, port) => observeCall(onCall, 'tcp', `${host}:${port}`, () => probeTcp(host, port, Math.min(target.timeoutMs, 5_000))),
    connectSnowflake: (connection) =>
      openSnowflake(
        {
          account: connection.account,
          accessUrl: profileAccessUrl(connection),
          timeoutMs: target.timeoutMs,
          ...(connection.warehouse ? { warehouse: connection.warehouse } : {}),
          ...(connection.database ? { database: connection.database } : {}),
          ...(connection.schema ? { schema: connection.schema } : {}),
          ...(connection.role ? { role: connection.role } : {}),
          // The profile's own user and password (rendered from its env_var() calls), not the runbook's.
          explicitCredentials: { username: connection.user, password: connection.password },
        },
        { readOnly: true, ...(onCall ? { onCall } : {}), ...(breaker ? { breaker } : {}) },
      ),
  };
}
