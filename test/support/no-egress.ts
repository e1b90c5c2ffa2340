// Keeps every test on loopback: no cloud metadata probes from the AWS SDK or the Snowflake driver,
// no notices, and no credentials from the machine's own AWS configuration.
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION = 'true';
process.env.SF_TELEMETRY_DISABLE_CONNECTION_SHAPE = '1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.AWS_CONFIG_FILE = '/dev/null';
process.env.AWS_SHARED_CREDENTIALS_FILE = '/dev/null';
