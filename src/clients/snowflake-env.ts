/**
 * Settings snowflake-sdk reads when it is first loaded: without them it probes cloud metadata
 * addresses and sends telemetry. Import this module before snowflake-sdk, and only then load it.
 */
export function prepareSnowflakeEnvironment(): void {
  process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION ??= 'true';
  process.env.SF_TELEMETRY_DISABLE_CONNECTION_SHAPE ??= '1';
  // Its optional native core, which only reports its own version in the login's telemetry: a native library to load.
  process.env.SNOWFLAKE_DISABLE_MINICORE ??= 'true';
}
