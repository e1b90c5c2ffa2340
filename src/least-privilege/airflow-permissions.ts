import type { EnvironmentConfig } from '../config';
import { collectPermissions, type SystemGrants, type SystemPermission } from './system-permission';

/** The Airflow role permissions (FAB auth manager's names) each REST operation needs. */
export const airflowOperations: Record<string, SystemPermission> = {
  GetDagRuns: { needs: ['can read on DAGs', 'can read on DAG Runs'] },
  GetTaskInstances: { needs: ['can read on DAGs', 'can read on DAG Runs', 'can read on Task Instances'] },
  GetTasks: { needs: ['can read on DAGs', 'can read on Task Instances'] },
  GetLog: { needs: ['can read on DAGs', 'can read on DAG Runs', 'can read on Task Instances', 'can read on Task Logs'] },
  ClearTaskInstances: { needs: ['can edit on DAGs', 'can read on DAG Runs', 'can edit on Task Instances'], write: true },
};

/** The permissions of an Airflow role for the given operations, with the DAG-level form that limits them to the configured DAG. */
export function airflowGrants(entries: readonly string[], env: EnvironmentConfig): SystemGrants {
  const { read, write, unmapped } = collectPermissions(entries, 'airflow', airflowOperations);
  const dag = env.airflow?.dagId ?? 'DAG_ID';
  // "on DAGs" grants every DAG; "on DAG:<id>" only that one.
  const scoped = (permissions: Set<string>) => [...permissions].map((p) => p.replace(/ on DAGs$/, ` on DAG:${dag}`));
  return { read: scoped(read), remediation: scoped(write), unmapped };
}
