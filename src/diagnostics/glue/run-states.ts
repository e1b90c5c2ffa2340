/** Glue job run states that mean the run failed. */
export const failedRunStates: ReadonlySet<string> = new Set(['FAILED', 'TIMEOUT', 'ERROR']);

/** Glue job run states that mean the run is still going. */
export const activeRunStates: ReadonlySet<string> = new Set(['STARTING', 'RUNNING', 'STOPPING', 'WAITING']);
