import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { causeName } from '../src/drill/answer-key';
import { drillWorlds, findDrill } from '../src/drill/catalog';
import type { DrillAnswer } from '../src/drill/grade';
import { TraineeShell, type CommandResult } from './support/trainee';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const stateMachine = 'arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion';

/** The failing steps of a `npm run check -- SCENARIO --json` run that are not symptoms: what the runbook CLI shows. */
async function failingSteps(sh: TraineeShell, scenario: string): Promise<Json[]> {
  const { stdout } = await sh.npm('check', scenario, '--json', '--no-save');
  return (JSON.parse(stdout) as { results: Json[] }).results.filter((r) => r.status === 'fail' && r.role !== 'symptom');
}

/** A trainee working from the runbook CLI: the last failing action or check, and the failing cause if any. */
async function fromRunbook(sh: TraineeShell, scenario: string): Promise<DrillAnswer> {
  const failing = await failingSteps(sh, scenario);
  const cause = failing.find((r) => r.role === 'cause');
  return { step: failing.filter((r) => r.role !== 'cause').at(-1)!.step as string, ...(cause ? { cause: causeName({ text: cause.text as string }) } : {}) };
}

/** The raw files the latest failed Glue run read, each split into lines, through the AWS CLI. */
async function glueInput(sh: TraineeShell): Promise<string[]> {
  const runs = (await sh.aws('glue', 'get-job-runs', '--job-name', 'arai-raw-to-processed', '--max-items', '1')) as Json;
  const input = runs.JobRuns[0].Arguments['--input_path'] as string;
  const [, bucket, prefix] = /^s3:\/\/([^/]+)\/(.*)$/.exec(input)!;
  const listing = (await sh.aws('s3api', 'list-objects-v2', '--bucket', bucket!, '--prefix', prefix!, '--max-items', '2')) as Json;
  const lines: string[] = [];
  for (const object of listing.Contents as Json[]) lines.push(...(await sh.run('aws', ['--endpoint-url', sh.setting('AWS_ENDPOINT_URL'), 's3', 'cp', `s3://${bucket}/${object.Key}`, '-'])).stdout.split('\n').filter(Boolean));
  return lines;
}

const parses = (line: string) => {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
};

/** The latest failed execution's history, through the AWS CLI. */
async function failedHistory(sh: TraineeShell): Promise<Json[]> {
  const executions = (await sh.aws('stepfunctions', 'list-executions', '--state-machine-arn', stateMachine, '--status-filter', 'FAILED', '--max-items', '1')) as Json;
  return ((await sh.aws('stepfunctions', 'get-execution-history', '--execution-arn', executions.executions[0].executionArn)) as Json).events as Json[];
}

/** The failed task's log of the latest failed DAG run, through Airflow's REST API with curl. */
async function failedTaskLog(sh: TraineeShell): Promise<string> {
  const base = `${sh.setting('AIRFLOW_BASE_URL')}/api/v2/dags/amazon_reviews_dbt/dagRuns`;
  const token = sh.setting('AIRFLOW_TOKEN');
  const runs = JSON.parse(await sh.curl(`${base}?order_by=-logical_date&limit=3`, token)) as Json;
  const failed = (runs.dag_runs as Json[]).find((r) => r.state === 'failed')!;
  const runUrl = `${base}/${encodeURIComponent(failed.dag_run_id as string)}`;
  const tasks = (JSON.parse(await sh.curl(`${runUrl}/taskInstances`, token)) as Json).task_instances as Json[];
  const task = tasks.find((t) => t.state === 'failed')!;
  return sh.curl(`${runUrl}/taskInstances/${task.task_id}/logs/${task.try_number}`, token);
}

/** The failed job's log of the latest Terraform run, through GitHub's REST API with curl. */
async function failedJobLog(sh: TraineeShell): Promise<string> {
  const base = `${sh.setting('GITHUB_API_URL')}/repos/review-analytics/platform-infra/actions`;
  const token = sh.setting('GITHUB_TOKEN');
  const run = (JSON.parse(await sh.curl(`${base}/workflows/terraform.yml/runs?per_page=1`, token)) as Json).workflow_runs[0] as Json;
  const job = ((JSON.parse(await sh.curl(`${base}/runs/${run.id}/jobs`, token)) as Json).jobs as Json[]).find((j) => j.conclusion === 'failure')!;
  return sh.curl(`${base}/jobs/${job.id}/logs`, token);
}

/** Snowflake's answer to SQL typed into `npm run sql`. */
const sql = (sh: TraineeShell, statement: string): Promise<CommandResult> => sh.npm('sql', statement);

/** The rows of a statement, from `npm run sql -- STATEMENT --json` (one JSON object a line). */
async function sqlRows(sh: TraineeShell, statement: string): Promise<Json[]> {
  const result = await sh.npm('sql', statement, '--json');
  if (result.code !== 0) throw new Error(`npm run sql -- "${statement}" exited ${result.code}: ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Json);
}

/** How the scripted trainee works each drill: the commands the briefing's tool suggests, and a wrong answer to try. */
const plays: Array<{ drill: string; tool: string; investigate: (sh: TraineeShell, expect: ExpectStatic) => Promise<DrillAnswer>; wrong: DrillAnswer }> = [
  {
    drill: 'glue-job-failed-1',
    tool: 'aws-cli',
    investigate: async (sh, expect) => {
      const lines = await glueInput(sh);
      expect(lines.filter((line) => !parses(line)).length).toBeGreaterThan(0);
      return { step: '3.1.3', cause: 'corrupt-json' };
    },
    wrong: { step: '3.1.4', cause: 'schema-mismatch' },
  },
  {
    drill: 'glue-job-failed-2',
    tool: 'aws-cli',
    investigate: async (sh, expect) => {
      const records = (await glueInput(sh)).map((line) => JSON.parse(line) as Json);
      expect(records.every((r) => !('reviewText' in r) && 'text' in r)).toBe(true);
      return { step: '3.1.4', cause: 'schema-mismatch' };
    },
    wrong: { step: '3.1.3', cause: 'corrupt-json' },
  },
  { drill: 'glue-job-failed-3', tool: 'runbook-cli', investigate: (sh) => fromRunbook(sh, '3.1'), wrong: { step: '3.1.2', cause: 'corrupt-json' } },
  {
    drill: 'sfn-execution-failed-1',
    tool: 'aws-cli',
    investigate: async (sh, expect) => {
      const failure = (await failedHistory(sh)).find((e) => e.type === 'TaskFailed')!;
      expect(failure.taskFailedEventDetails.cause).toContain('is not authorized to perform: glue:StartJobRun');
      return { step: '3.2.4' };
    },
    wrong: { step: '3.2.5' },
  },
  {
    drill: 'sfn-execution-failed-2',
    tool: 'aws-cli',
    investigate: async (sh, expect) => {
      const history = await failedHistory(sh);
      const scheduled = history.filter((e) => e.type === 'TaskScheduled').at(-1)!;
      const jobName = (JSON.parse(scheduled.taskScheduledEventDetails.parameters as string) as Json).JobName as string;
      const job = ((await sh.aws('glue', 'get-job', '--job-name', jobName)) as Json).Job as Json;
      const [, bucket, key] = /^s3:\/\/([^/]+)\/(.*)$/.exec(job.Command.ScriptLocation as string)!;
      expect(await sh.aws('s3api', 'head-object', '--bucket', bucket!, '--key', key!)).toMatchObject({ code: 255 });
      return { step: '3.2.5' };
    },
    wrong: { step: '3.2.4' },
  },
  {
    drill: 'state-machine-changed-1',
    tool: 'aws-cli',
    investigate: async (sh, expect) => {
      const machine = (await sh.aws('stepfunctions', 'describe-state-machine', '--state-machine-arn', stateMachine)) as Json;
      const tasks = Object.values((JSON.parse(machine.definition as string) as Json).States as Json).filter((s: Json) => s.Type === 'Task') as Json[];
      expect(tasks.length).toBeGreaterThan(0);
      expect(tasks.every((t) => !t.Retry)).toBe(true);
      return { step: '3.2.n1' };
    },
    wrong: { step: '3.2.4' },
  },
  {
    drill: 'external-table-stale-1',
    tool: 'aws-cli',
    investigate: async (sh, expect) => {
      expect(((await sh.aws('s3api', 'get-bucket-notification-configuration', '--bucket', 'arai-processed')) as Json).QueueConfigurations ?? []).toEqual([]);
      return { step: '3.3.1' };
    },
    wrong: { step: '3.3.3' },
  },
  {
    drill: 'external-table-stale-2',
    tool: 'snowflake-sql',
    investigate: async (sh, expect) => {
      const [table] = await sqlRows(sh, 'SHOW EXTERNAL TABLES');
      const stage = await sqlRows(sh, `DESC STAGE ${table!.stage}`);
      const integration = stage.find((row) => row.property === 'STORAGE_INTEGRATION')!.property_value as string;
      const properties = await sqlRows(sh, `DESC STORAGE INTEGRATION ${integration}`);
      expect(properties.find((row) => row.property === 'ENABLED')).toMatchObject({ property_value: 'false' });
      return { step: '3.3.2' };
    },
    wrong: { step: '3.3.1' },
  },
  {
    drill: 'external-table-stale-3',
    tool: 'snowflake-sql',
    investigate: async (sh, expect) => {
      const status = await sql(sh, "SELECT SYSTEM$EXTERNAL_TABLE_PIPE_STATUS('ANALYTICS.RAW.REVIEWS_EXT')");
      expect(status).toMatchObject({ code: 1 });
      expect(status.stderr).toContain('is not configured for auto refresh');
      return { step: '3.3.3' };
    },
    wrong: { step: '3.3.2' },
  },
  {
    drill: 'dbt-test-failed-1',
    tool: 'snowflake-sql',
    investigate: async (sh, expect) => {
      const duplicates = await sql(sh, 'SELECT review_id, COUNT(*) AS n FROM ANALYTICS.MARTS.FCT_REVIEWS GROUP BY review_id HAVING COUNT(*) > 1');
      expect(duplicates.stdout).not.toContain('(0 rows)');
      expect(duplicates.stdout).toMatch(/\(\d+ rows?\)/);
      return { step: '3.4.4' };
    },
    wrong: { step: '3.4.3' },
  },
  { drill: 'dbt-test-failed-2', tool: 'runbook-cli', investigate: (sh) => fromRunbook(sh, '3.4'), wrong: { step: '3.4.4' } },
  {
    drill: 'dag-run-failed-1',
    tool: 'airflow-api',
    investigate: async (sh, expect) => {
      expect(await failedTaskLog(sh)).toContain('Run \\"dbt deps\\"');
      return { step: '3.5.2' };
    },
    wrong: { step: '3.5.k2' },
  },
  {
    drill: 'dag-run-failed-2',
    tool: 'airflow-api',
    investigate: async (sh, expect) => {
      expect(await failedTaskLog(sh)).toContain('Could not connect to Snowflake backend');
      return { step: '3.5.k1' };
    },
    wrong: { step: '3.5.2' },
  },
  { drill: 'dashboard-data-old-1', tool: 'runbook-cli', investigate: (sh) => fromRunbook(sh, '3.5'), wrong: { step: '3.5.1' } },
  {
    drill: 'terraform-apply-failed-1',
    tool: 'github-api',
    investigate: async (sh, expect) => {
      expect(await failedJobLog(sh)).toContain('was modified outside of this update');
      return { step: '3.6.3' };
    },
    wrong: { step: '3.6.1' },
  },
  { drill: 'terraform-apply-failed-2', tool: 'runbook-cli', investigate: (sh) => fromRunbook(sh, '3.6'), wrong: { step: '3.6.3' } },
  {
    drill: 'terraform-apply-failed-3',
    tool: 'github-api',
    investigate: async (sh, expect) => {
      expect(await failedJobLog(sh)).toMatch(/AccessDeniedException: User: \S+github-actions-terraform\S* is not authorized to perform: glue:UpdateJob/);
      return { step: '3.6.4' };
    },
    wrong: { step: '3.6.2' },
  },
  {
    drill: 'terraform-apply-failed-4',
    tool: 'aws-cli',
    investigate: async (sh, expect) => {
      const tables = ((await sh.aws('dynamodb', 'list-tables')) as Json).TableNames as string[];
      const items = ((await sh.aws('dynamodb', 'scan', '--table-name', tables.find((t) => t.includes('terraform'))!)) as Json).Items as Json[];
      expect(items.some((item) => item.Info)).toBe(true);
      return { step: '3.6.n1' };
    },
    wrong: { step: '3.6.1' },
  },
  {
    drill: 'posture-review-1',
    tool: 'aws-cli',
    investigate: async (sh, expect) => {
      const rules = ((await sh.aws('events', 'list-rules')) as Json).Rules as Json[];
      const rule = rules.find((r) => String(r.EventPattern ?? '').includes('Glue Job State Change'))!;
      const targets = ((await sh.aws('events', 'list-targets-by-rule', '--rule', String(rule.Name))) as Json).Targets as Json[];
      const subscriptions = ((await sh.aws('sns', 'list-subscriptions-by-topic', '--topic-arn', String(targets[0]!.Arn))) as Json).Subscriptions as Json[];
      expect(subscriptions.map((s) => s.SubscriptionArn)).toEqual(['PendingConfirmation']);
      return { step: '7.1' };
    },
    wrong: { step: '7.4' },
  },
  {
    drill: 'posture-review-2',
    tool: 'aws-cli',
    investigate: async (sh, expect) => {
      const alarms = ((await sh.aws('cloudwatch', 'describe-alarms')) as Json).MetricAlarms as Json[];
      expect(alarms.filter((a) => a.Namespace === 'AWS/States')).toEqual([]);
      return { step: '6.3' };
    },
    wrong: { step: '7.5' },
  },
];

const answerArgs = (answer: DrillAnswer) => ['answer', '--step', answer.step!, ...(answer.cause ? ['--cause', answer.cause] : [])];

describe('a scripted trainee plays every drill to a graded end', { timeout: 600_000 }, () => {
  const shells: TraineeShell[] = [];
  afterAll(async () => {
    await Promise.all(shells.map((sh) => sh.close()));
  });

  it.concurrent.for(plays.map((play) => [play.drill, play] as const))('%s', async ([name, play], { expect }) => {
    const sh = new TraineeShell();
    shells.push(sh);
    const briefing = await sh.startDrill(name);
    expect(briefing).toContain('ALERT');
    expect(findDrill(name).briefing.startWith).toBe(play.tool);
    expect(briefing).not.toContain(drillWorlds[name as keyof typeof drillWorlds]);
    expect(briefing).not.toContain(findDrill(name).description);
    expect(briefing).toContain(`RUNBOOK_SANDBOX_URL=${sh.setting('RUNBOOK_SANDBOX_URL')}`);

    const answer = await play.investigate(sh, expect);

    // A wrong diagnosis first: graded wrong, with the staged cause and the evidence of the right step.
    const restore = sh.saveDrillState();
    const wrong = await sh.npm('drill', ...answerArgs(play.wrong));
    expect(wrong.code, wrong.stderr).toBe(1);
    expect(wrong.stdout).toContain(`✘ Wrong: ${play.wrong.step}`);
    expect(wrong.stdout).toContain('What was staged:');
    expect(wrong.stdout).toMatch(new RegExp(`(FAIL|WARN) +${answer.step!.replaceAll('.', '\\.')} `));

    // The trainee starts the drill again; its sandbox still runs, so only its state is put back.
    restore();
    const right = await sh.npm('drill', ...answerArgs(answer));
    expect(right.code, right.stdout + right.stderr).toBe(0);
    expect(right.stdout).toContain(`✔ Correct: ${answer.step}`);
    expect(sh.attempts().map((a) => [a.drill, a.result])).toEqual([
      [name, 'wrong'],
      [name, 'correct'],
    ]);
    await sh.stopDrill();
  });
});
