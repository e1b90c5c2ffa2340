import { z } from 'zod';

/**
 * Scenario 3.5: the Airflow deployment and the DAG that runs dbt. Credentials come from AIRFLOW_TOKEN, or
 * AIRFLOW_USERNAME and AIRFLOW_PASSWORD, never from this file.
 */
export const airflowSchema = z.strictObject({
  /** The webserver / API server URL, without `/api/v1` (`https://airflow.example.com`). The sandbox sets its own. */
  baseUrl: z.url().optional(),
  /** `v1`: the Airflow 2 stable REST API; `v2`: Airflow 3's `/api/v2`. */
  apiVersion: z.enum(['v1', 'v2']).default('v2'),
  /** The UI's URL when it differs from `baseUrl`, for deep links. */
  uiUrl: z.url().optional(),
  /** The DAG that runs dbt. */
  dagId: z.string().min(1),
  /** The task that runs dbt; the symptom "dbt task fails" looks at it. */
  dbtTaskId: z.string().min(1).default('dbt_build'),
  /** How many recent runs to search for the latest failed one. */
  recentRuns: z.number().int().positive().max(100).default(25),
  /** The most log bytes read from one task try. */
  maxLogBytes: z.number().int().positive().default(256 * 1024),
  /** Milliseconds before one API call is abandoned. */
  timeoutMs: z.number().int().positive().default(15_000),
});

/** Airflow settings of one environment. */
export type AirflowConfig = z.infer<typeof airflowSchema>;
