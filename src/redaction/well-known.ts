import { sandboxAirflowToken } from '../sandbox/airflow/credentials';
import { sandboxCredentials } from '../sandbox/credentials';
import { sandboxGithubToken } from '../sandbox/github/token';

/**
 * The sandbox's own credentials: published in its env file and this repository, they open nothing outside
 * the simulator, so they are not secrets (and `sandbox`, its Snowflake password, is also the environment's name).
 */
export const wellKnownCredentials: ReadonlySet<string> = new Set([
  sandboxCredentials.aws.accessKeyId,
  sandboxCredentials.aws.secretAccessKey,
  sandboxCredentials.snowflake.password,
  sandboxAirflowToken,
  sandboxGithubToken,
]);
