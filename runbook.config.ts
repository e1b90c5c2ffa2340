import { defineConfig } from './src/config';

/**
 * Environments the checks can run against. Credentials never go here: AWS uses its default provider
 * chain (AWS_PROFILE, SSO, instance roles), Snowflake its environment variables or connections.toml.
 */
export default defineConfig({
  defaultEnvironment: 'sandbox',
  checkTimeoutSeconds: 60,
  environments: {
    sandbox: {
      description: 'The embedded simulator: a local platform seeded from a world file. No cloud account needed.',
      sandbox: { world: 'healthy' },
      aws: { region: 'eu-west-1', accountId: '123456789012' },
      snowflake: { account: 'sandbox', warehouse: 'ANALYTICS_WH', database: 'ANALYTICS', schema: 'RAW' },
      externalTables: { tables: ['ANALYTICS.RAW.REVIEWS_EXT'] },
    },
    prod: {
      description: 'Production. Replace the names with yours; run with --env prod once your AWS and Snowflake credentials are set.',
      aws: { region: 'eu-west-1' },
      snowflake: { account: 'myorg-analytics', warehouse: 'ANALYTICS_WH', database: 'ANALYTICS', schema: 'RAW', role: 'RUNBOOK_READER' },
      externalTables: { tables: ['ANALYTICS.RAW.REVIEWS_EXT'] },
    },
  },
});
