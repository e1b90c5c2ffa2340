import { defineConfig } from './src/config/define-config';

/**
 * Environments the checks can run against. Credentials never go here: AWS uses its default provider
 * chain (AWS_PROFILE, SSO, instance roles), Snowflake its environment variables or connections.toml,
 * Airflow AIRFLOW_TOKEN or AIRFLOW_USERNAME/AIRFLOW_PASSWORD, GitHub GITHUB_TOKEN or the gh CLI's login.
 */
export default defineConfig({
  defaultEnvironment: 'sandbox',
  checkTimeoutSeconds: 60,
  // Transient failures (throttling, 5xx, resets) are retried: three tries, full-jitter backoff from 200 ms.
  retry: { attempts: 3, baseMs: 200, maxDelayMs: 5_000 },
  // Every run is kept in .runbook/results/runs/ (the site and history read it); the oldest go beyond this many.
  results: { keepRuns: 500 },
  environments: {
    sandbox: {
      description: 'The embedded simulator: a local platform seeded from a world file. No cloud account needed.',
      sandbox: { world: 'healthy' },
      // The sandbox answers at once: short waits keep runs with injected faults fast.
      retry: { baseMs: 10, maxDelayMs: 1_000 },
      aws: { region: 'eu-west-1', accountId: '123456789012' },
      snowflake: { account: 'sandbox', warehouse: 'ANALYTICS_WH', database: 'ANALYTICS', schema: 'RAW' },
      externalTables: { tables: ['ANALYTICS.RAW.REVIEWS_EXT'] },
      github: { repository: 'review-analytics/platform-infra' },
      terraform: {
        workflow: 'terraform.yml',
        branch: 'main',
        plan: { artifact: { name: 'terraform-plan', file: 'plan.json' } },
        ciRoleArn: 'arn:aws:iam::123456789012:role/github-actions-terraform',
        lockTable: 'terraform-state-lock',
        staleLockMinutes: 60,
      },
      pipeline: {
        stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion',
        glueJobs: ['arai-raw-to-processed', 'arai-processed-compact'],
        requiredInputKeys: ['run_date', 'input_path', 'partition_path'],
      },
      rawInput: { schema: 'mcauley-2018' },
      monitoring: {
        centralLogDestinationArn: 'arn:aws:logs:eu-west-1:123456789012:destination:central-log-archive',
        ingestionLatency: { namespace: 'ARAI/Ingestion', metricName: 'IngestionLatency', slaMinutes: 360 },
      },
      // The dbt project is the world's fixture; the sandbox points the checks at it.
      dbt: { runTests: 'auto' },
      airflow: { apiVersion: 'v2', dagId: 'amazon_reviews_dbt', dbtTaskId: 'dbt_build' },
      practices: {
        platformRoles: ['arai-sfn-role', 'arai-glue-role', 'arai-snowflake-external-stage'],
        platformResources: ['arai-*', 'terraform-state-lock', 'github-actions-terraform'],
        backendFile: 'terraform/backend.tf',
        publishTaskId: 'publish_dashboards',
      },
    },
    prod: {
      description: 'Production. Replace the names with yours; run with --env prod once your AWS and Snowflake credentials are set.',
      aws: { region: 'eu-west-1' },
      snowflake: { account: 'myorg-analytics', warehouse: 'ANALYTICS_WH', database: 'ANALYTICS', schema: 'RAW', role: 'RUNBOOK_READER' },
      externalTables: { tables: ['ANALYTICS.RAW.REVIEWS_EXT'] },
      github: { repository: 'review-analytics/platform-infra' },
      terraform: {
        workflow: 'terraform.yml',
        branch: 'main',
        plan: { artifact: { name: 'terraform-plan', file: 'plan.json' } },
        ciRoleArn: 'arn:aws:iam::123456789012:role/github-actions-terraform',
        lockTable: 'terraform-state-lock',
      },
      pipeline: {
        stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion',
        glueJobs: ['arai-raw-to-processed', 'arai-processed-compact'],
        requiredInputKeys: ['run_date', 'input_path', 'partition_path'],
      },
      rawInput: { schema: 'mcauley-2018' },
      monitoring: {
        centralLogDestinationArn: 'arn:aws:logs:eu-west-1:123456789012:destination:central-log-archive',
        ingestionLatency: { namespace: 'ARAI/Ingestion', metricName: 'IngestionLatency', slaMinutes: 360 },
      },
      dbt: { projectDir: '../analytics-dbt', target: 'prod' },
      airflow: { baseUrl: 'https://airflow.example.internal', apiVersion: 'v2', dagId: 'amazon_reviews_dbt', dbtTaskId: 'dbt_build' },
      practices: {
        platformRoles: ['arai-sfn-role', 'arai-glue-role', 'arai-snowflake-external-stage'],
        platformResources: ['arai-*', 'terraform-state-lock', 'github-actions-terraform'],
        backendFile: 'terraform/backend.tf',
        publishTaskId: 'publish_dashboards',
      },
    },
  },
});
