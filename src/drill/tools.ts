import type { drillTools } from '../sandbox/world/briefing';

/** A tool a drill starts with: its name, and how to use it against the drill's sandbox once the env file is loaded. */
export interface DrillTool {
  label: string;
  usage: string;
}

/** How to use each starting tool against the drill's sandbox (after `set -a; . ENV_FILE; set +a`). */
export const toolGuides: Record<(typeof drillTools)[number], DrillTool> = {
  'aws-cli': {
    label: 'the AWS CLI',
    usage: 'aws --endpoint-url "$AWS_ENDPOINT_URL" SERVICE COMMAND … (always pass --endpoint-url; e.g. aws --endpoint-url "$AWS_ENDPOINT_URL" stepfunctions list-state-machines)',
  },
  'snowflake-sql': {
    label: 'SQL through a Snowflake client',
    usage: 'npm run -s sql -- "SQL STATEMENT" (Snowflake\'s Node driver, configured by the SNOWFLAKE_* variables; e.g. npm run -s sql -- "SELECT CURRENT_VERSION()")',
  },
  'airflow-api': {
    label: "Airflow's REST API with curl",
    usage: 'curl -s -H "Authorization: Bearer $AIRFLOW_TOKEN" "$AIRFLOW_BASE_URL/api/v2/dags/DAG_ID/dagRuns"',
  },
  'github-api': {
    label: "GitHub's REST API with curl",
    usage: 'curl -sL -H "Authorization: Bearer $GITHUB_TOKEN" "$GITHUB_API_URL/repos/OWNER/REPO/actions/runs"',
  },
  'runbook-cli': {
    label: 'the runbook CLI',
    usage: 'npm run check -- SCENARIO_OR_STEP (npm run check -- --list shows the scenarios and steps)',
  },
};
