/** Glue job run states that mean the run failed. */
export const failedRunStates: ReadonlySet<string> = new Set(['FAILED', 'TIMEOUT', 'ERROR']);
