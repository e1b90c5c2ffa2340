/** The sandbox Airflow's fixed, public bearer token (every shipped world accepts it); it opens nothing outside this process. */
export const sandboxAirflowToken = 'sandbox-airflow-token';

/** Where the sandbox serves Airflow, below its base URL. */
export const airflowPathPrefix = '/airflow';
