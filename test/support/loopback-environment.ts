/**
 * Settings that keep a process on loopback: no cloud metadata probes from the AWS SDK or the Snowflake
 * driver, no notices, and no credentials from the machine's own AWS configuration.
 */
export const loopbackEnvironment = {
  AWS_EC2_METADATA_DISABLED: 'true',
  SNOWFLAKE_DISABLE_PLATFORM_DETECTION: 'true',
  SF_TELEMETRY_DISABLE_CONNECTION_SHAPE: '1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
} as const;
