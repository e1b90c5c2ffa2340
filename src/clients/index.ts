/** Client factories: one per service, each taking an explicit target. Checks get them through `ctx.clients`. */
export * from './service-clients';
export * from './targets';
export { MutationBlockedError, isReadOperation, isReadStatement } from './read-only';
export { SnowflakeTimeoutError, StatementBlockedError, type SnowflakeRow, type SnowflakeSession } from './snowflake';
