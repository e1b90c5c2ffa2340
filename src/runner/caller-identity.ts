import type { ServiceClients, ServiceTargets } from '../clients';
import { airflowCredentials } from '../clients/airflow-auth';

/** The systems an action may change, by the service prefix of its preview's operations (`sfn:RedriveExecution` → aws). */
const systemOf = (operation: string): 'aws' | 'snowflake' | 'github' | 'airflow' => {
  const prefix = operation.split(':')[0]!;
  return prefix === 'snowflake' || prefix === 'github' || prefix === 'airflow' ? prefix : 'aws';
};

/** Who the Airflow calls are made as: the configured user; a bearer token names no user the API could tell. */
function airflowIdentity(targets: ServiceTargets, env: NodeJS.ProcessEnv): string {
  const target = targets.airflow;
  if (!target) throw new Error('the environment has no airflow settings: no Airflow identity to record');
  if (target.explicitCredentials) return 'airflow:sandbox token (the sandbox\'s own user)';
  const credentials = airflowCredentials(target, env);
  if (credentials.kind === 'basic') return `airflow:${credentials.username}`;
  if (credentials.kind === 'token') return env.AIRFLOW_USERNAME ? `airflow:${env.AIRFLOW_USERNAME} (AIRFLOW_TOKEN)` : 'airflow:the holder of AIRFLOW_TOKEN (set AIRFLOW_USERNAME to name them)';
  throw new Error('no Airflow credentials are configured (AIRFLOW_TOKEN, or AIRFLOW_USERNAME and AIRFLOW_PASSWORD): no identity to record');
}

/**
 * Asks each system who the run's credentials are, for an action's audit record: STS GetCallerIdentity for AWS,
 * `SELECT CURRENT_USER()` for Snowflake, `GET /user` (the token's login) for GitHub, the configured user for
 * Airflow. Read-only calls; each system is asked once per run.
 */
export function callerIdentity(clients: ServiceClients, targets: ServiceTargets, env: NodeJS.ProcessEnv = process.env): (operation: string, signal?: AbortSignal) => Promise<string> {
  const known = new Map<string, Promise<string>>();
  const ask = async (system: ReturnType<typeof systemOf>, signal?: AbortSignal): Promise<string> => {
    switch (system) {
      case 'aws': {
        const { GetCallerIdentityCommand } = require('@aws-sdk/client-sts') as typeof import('@aws-sdk/client-sts');
        const identity = await clients.sts().send(new GetCallerIdentityCommand({}), { abortSignal: signal });
        if (!identity.Arn) throw new Error('STS GetCallerIdentity answered without an Arn');
        return identity.Arn;
      }
      case 'snowflake': {
        const rows = await (await clients.snowflake()).query('SELECT CURRENT_USER() AS RUNBOOK_CALLER');
        // CURRENT_USER is a reserved word: the column gets a name of its own.
        const user = rows[0]?.RUNBOOK_CALLER ?? rows[0]?.runbook_caller;
        if (typeof user !== 'string' || !user) throw new Error(`SELECT CURRENT_USER() answered ${JSON.stringify(rows[0] ?? null)}, expected a row with the user name`);
        return `snowflake:${user}`;
      }
      case 'github': {
        try {
          const { data } = await (await clients.github()).rest.users.getAuthenticated();
          if (!data.login) throw new Error('GitHub GET /user answered without a login');
          return `github:${data.login}`;
        } catch (error) {
          // An Actions job's GITHUB_TOKEN belongs to an app installation, which GET /user refuses: the job's actor ran it.
          if ((error as { status?: number }).status === 403 && env.GITHUB_ACTIONS === 'true' && env.GITHUB_ACTOR) return `github:${env.GITHUB_ACTOR} (the Actions job's GITHUB_TOKEN)`;
          throw error;
        }
      }
      case 'airflow':
        return airflowIdentity(targets, env);
    }
  };
  return (operation, signal) => {
    const system = systemOf(operation);
    let answer = known.get(system);
    if (!answer) {
      answer = ask(system, signal);
      known.set(system, answer);
      answer.catch(() => known.delete(system));
    }
    return answer;
  };
}
