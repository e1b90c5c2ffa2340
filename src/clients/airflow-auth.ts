import type { AirflowTarget } from './targets';

/** How a request authenticates: a bearer token, basic credentials, or a username and password to exchange for a token (v2). */
export type AirflowCredentials =
  | { kind: 'token'; token: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'none' };

/** The credentials of a target: the sandbox's static token, else AIRFLOW_TOKEN, else AIRFLOW_USERNAME and AIRFLOW_PASSWORD. */
export function airflowCredentials(target: AirflowTarget, env: NodeJS.ProcessEnv = process.env): AirflowCredentials {
  if (target.explicitCredentials) return { kind: 'token', token: target.explicitCredentials.token };
  if (env.AIRFLOW_TOKEN) return { kind: 'token', token: env.AIRFLOW_TOKEN };
  if (env.AIRFLOW_USERNAME && env.AIRFLOW_PASSWORD) return { kind: 'basic', username: env.AIRFLOW_USERNAME, password: env.AIRFLOW_PASSWORD };
  return { kind: 'none' };
}
