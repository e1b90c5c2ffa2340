/** Glue job run states that mean the run failed. */
export const failedRunStates: ReadonlySet<string> = new Set(['FAILED', 'TIMEOUT', 'ERROR']);

/** Glue job run states of a run that has not ended. */
export const inProgressRunStates: ReadonlySet<string> = new Set(['STARTING', 'RUNNING', 'STOPPING', 'WAITING']);
