import path from 'node:path';
import { prepareSnowflakeEnvironment } from '../clients/snowflake-env';

/**
 * Process settings every entry point applies before any SDK loads: no cloud metadata probes, no
 * telemetry shapes from the Snowflake driver, and no AWS SDK notice about future Node versions.
 */
export function bootstrapProcess(): void {
  prepareSnowflakeEnvironment();
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

/** The project root: where package.json, docs/ and checks/ are. */
export const projectRoot = path.resolve(__dirname, '..', '..');
