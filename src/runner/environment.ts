import type { Clock } from '../check-api/context';
import type { EnvironmentConfig, RunbookConfig } from '../config';
import { dbtTarget, targetsFromConfig, type ServiceTargets } from '../clients';
import { airflowPathPrefix, sandboxAirflowToken } from '../sandbox/airflow/credentials';
import { sandboxCredentials } from '../sandbox/credentials';
import { githubPathPrefix, sandboxGithubToken } from '../sandbox/github/token';
import type { FaultSpec } from '../sandbox/faults/schema';
import type { Sandbox } from '../sandbox/sandbox';
import type { SandboxThread } from '../sandbox/thread/sandbox-thread';
import { announcedSettings } from './announced';
import { UnknownEnvironmentError, WorldOutsideSandboxError } from './environment-errors';
import type { RetryPolicy } from '../clients/retry/policy';
import { loadLater } from '../util/load-later';

export { UnknownEnvironmentError, WorldOutsideSandboxError } from './environment-errors';

/** An environment ready for checks: its configuration, where its services are, and the sandbox if it started one. */
export interface OpenEnvironment {
  name: string;
  config: EnvironmentConfig;
  targets: ServiceTargets;
  /** The world of the sandbox the run started, or null. */
  world: string | null;
  /** The sandbox the run started on this thread, for tests to read its call log; null for a sandbox thread, another process or a real environment. */
  sandbox: Sandbox | null;
  close(): Promise<void>;
}

/**
 * Points every service of a sandbox environment at a running sandbox, with its static credentials. What the sandbox
 * announces (its `environment()`, or `GET /_sandbox/environment` for one in another process) names the world's dbt
 * project, so the dbt checks find it however the sandbox is reached.
 */
export function sandboxTargets(sandbox: Pick<Sandbox, 'url' | 'environment'>, config: EnvironmentConfig): ServiceTargets {
  const announced = sandbox.environment();
  const dbtDir = announced.DBT_PROJECT_DIR;
  const dbtEnvironment = { PATH: process.env.PATH, HOME: process.env.HOME, ...announced };
  return {
    aws: { region: config.aws?.region ?? sandboxCredentials.region, endpoint: sandbox.url, credentials: { ...sandboxCredentials.aws }, timeoutMs: config.aws?.timeoutMs ?? 20_000 },
    snowflake: {
      account: sandboxCredentials.snowflake.account,
      accessUrl: sandbox.url,
      timeoutMs: config.snowflake?.timeoutMs ?? 20_000,
      ...(config.snowflake?.database ? { database: config.snowflake.database } : {}),
      ...(config.snowflake?.schema ? { schema: config.snowflake.schema } : {}),
      ...(config.snowflake?.warehouse ? { warehouse: config.snowflake.warehouse } : {}),
      explicitCredentials: { username: sandboxCredentials.snowflake.username, password: sandboxCredentials.snowflake.password },
    },
    github: { baseUrl: `${sandbox.url}${githubPathPrefix}`, timeoutMs: config.github?.timeoutMs ?? 20_000, sandboxToken: sandboxGithubToken },
    airflow: {
      baseUrl: `${sandbox.url}${airflowPathPrefix}`,
      apiVersion: config.airflow?.apiVersion ?? 'v2',
      timeoutMs: config.airflow?.timeoutMs ?? 15_000,
      explicitCredentials: { token: sandboxAirflowToken },
    },
    // The profile's Snowflake is the sandbox's: its login waits as long as the environment's own Snowflake calls.
    ...(config.dbt && dbtDir ? { dbt: { ...dbtTarget({ ...config.dbt, profilesDir: undefined }, dbtDir, dbtEnvironment), timeoutMs: config.snowflake?.timeoutMs ?? 20_000, fixtureOf: sandbox.url } } : {}),
  };
}

/** The world a run in `name` (the default environment when omitted) loads: `world`, else the environment's own; null outside a sandbox. */
export function sandboxWorldOf(config: RunbookConfig, name: string | undefined, world: string | undefined): string | null {
  const sandbox = config.environments[name ?? config.defaultEnvironment]?.sandbox;
  return sandbox ? (world ?? sandbox.world) : null;
}

/** The retry policy of an environment: the project's, with the environment's own settings over it. */
function retryPolicyOf(config: RunbookConfig, envConfig: EnvironmentConfig): RetryPolicy {
  return { ...config.retry, ...Object.fromEntries(Object.entries(envConfig.retry ?? {}).filter(([, value]) => value !== undefined)) };
}

/**
 * Opens an environment. A sandbox environment starts the simulator in-process with the chosen world, its
 * relative times resolved against `clock`, unless `running` names one already running (`npm run sandbox`, for drills)
 * or `thread` is one the CLI started in a thread of its own for this run (its world and policy already chosen);
 * `callerPolicy` is the IAM policy that sandbox enforces for the caller.
 */
export async function openEnvironment(
  config: RunbookConfig,
  name: string | undefined,
  world: string | undefined,
  options: { faults?: FaultSpec[]; faultSeed?: number; clock?: Clock; running?: string; callerPolicy?: unknown; thread?: SandboxThread } = {},
): Promise<OpenEnvironment> {
  const { faults = [], faultSeed, clock, running, callerPolicy, thread } = options;
  const environment = name ?? config.defaultEnvironment;
  const envConfig = config.environments[environment];
  if (!envConfig) throw new UnknownEnvironmentError(environment, Object.keys(config.environments));
  const retry = retryPolicyOf(config, envConfig);
  if (!envConfig.sandbox) {
    if (world) throw new WorldOutsideSandboxError(environment);
    if (callerPolicy !== undefined) throw new WorldOutsideSandboxError(environment, undefined, '--sandbox-caller-policy');
    return { name: environment, config: envConfig, targets: { ...targetsFromConfig(envConfig), retry }, world: null, sandbox: null, close: async () => undefined };
  }
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  if (running) {
    if (world) throw new WorldOutsideSandboxError(environment, running);
    if (callerPolicy !== undefined) throw new WorldOutsideSandboxError(environment, running, '--sandbox-caller-policy');
    const announced = await announcedSettings(running);
    return { name: environment, config: envConfig, targets: { ...sandboxTargets({ url: running, environment: () => announced }, envConfig), retry }, world: null, sandbox: null, close: async () => undefined };
  }
  if (thread) {
    const started = await thread.ready.catch(async (error: unknown) => {
      await thread.stop();
      throw error;
    });
    return { name: environment, config: envConfig, targets: { ...sandboxTargets(started, envConfig), retry }, world: started.world.name, sandbox: null, close: () => thread.stop() };
  }
  // Loaded only here: a run against a sandbox thread, another process or a real environment never loads the simulator.
  const { startSandbox } = await loadLater(() => require('../sandbox/sandbox') as typeof import('../sandbox/sandbox'), () => import('../sandbox/sandbox'));
  const sandbox = await startSandbox({ world: sandboxWorldOf(config, environment, world)!, faults, ...(faultSeed !== undefined ? { faultSeed } : {}), ...(clock ? { clock } : {}), ...(callerPolicy !== undefined ? { callerPolicy } : {}) });
  return { name: environment, config: envConfig, targets: { ...sandboxTargets(sandbox, envConfig), retry }, world: sandbox.world.name, sandbox, close: () => sandbox.stop() };
}
