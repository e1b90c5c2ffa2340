import path from 'node:path';

/**
 * Process settings every entry point applies before any SDK loads: no cloud metadata probes, no
 * telemetry shapes from the Snowflake driver, and no AWS SDK notice about future Node versions.
 */
export function bootstrapProcess(): void {
  process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION ??= 'true';
  process.env.SF_TELEMETRY_DISABLE_CONNECTION_SHAPE ??= '1';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

/** The project root: where package.json, docs/ and checks/ are. */
export const projectRoot = path.resolve(__dirname, '..', '..');
