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

/** The credential sources, in the order they are tried. */
const sources = 'the sandbox token; AIRFLOW_TOKEN; AIRFLOW_USERNAME and AIRFLOW_PASSWORD';

/** What to do about a 401 or 403, naming what was sent (never its value) and what to set. */
export function airflowCredentialsHint(sent: AirflowCredentials['kind'] | 'sandbox', status: number): string {
  if (status === 403) return `the credentials were accepted but lack the permission: give the user a role that may read DAG runs, task instances and logs (Viewer), and clear task instances for the 3.5.4 action (User)`;
  switch (sent) {
    case 'sandbox':
      return 'the sandbox refused its own token (expired?): check that RUNBOOK_SANDBOX_URL points at a sandbox; against a real Airflow, get a new token (Airflow 3: POST /auth/token) and set AIRFLOW_TOKEN';
    case 'token':
      return 'AIRFLOW_TOKEN was sent and refused: it may have expired; get a new one (Airflow 3: POST /auth/token) or set AIRFLOW_USERNAME and AIRFLOW_PASSWORD instead';
    case 'basic':
      return 'AIRFLOW_USERNAME and AIRFLOW_PASSWORD were sent and refused: check them, and that the API allows basic auth (Airflow 2: auth_backends)';
    case 'none':
      return `no credentials were found (tried: ${sources}): set AIRFLOW_TOKEN, or AIRFLOW_USERNAME and AIRFLOW_PASSWORD`;
  }
}
