import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCloudwatchState } from '../src/sandbox/cloudwatch/state';
import { dynamodbSectionSchema } from '../src/sandbox/dynamodb/state';
import { loadEventsState } from '../src/sandbox/events/state';
import { findJobRun, loadGlueState } from '../src/sandbox/glue/state';
import { loadIamState } from '../src/sandbox/iam/load';
import { principalArn, principalByArn } from '../src/sandbox/iam/principals';
import { loadLogsState } from '../src/sandbox/logs/state';
import { loadS3State } from '../src/sandbox/s3/state';
import { loadSfnState } from '../src/sandbox/sfn/state';
import { loadSnowflakeState } from '../src/sandbox/snowflake/state';
import { loadSnsState } from '../src/sandbox/sns/state';
import { topicArn } from '../src/sandbox/sns/xml';
import { stateMachineArn } from '../src/sandbox/sfn/arn';
import { listWorlds, loadWorld, worldsDir } from '../src/sandbox/world/load-world';

type Json = Record<string, unknown>;
type Change = { type: string; address: string; change: { actions: string[]; before: Json | null; after: Json | null } };
type Plan = { resource_changes?: Change[]; resource_drift?: Change[] };
type Run = { workflow: string; created_at: string; conclusion?: string; jobs?: Record<string, { log?: string[] } | null>; artifacts?: Record<string, { files?: Record<string, unknown> } | null> };

/** One world's services, loaded by their own loaders from the world's sections. */
function servicesOf(name: string) {
  const { sections } = loadWorld(name, new Date());
  const github = (sections.github ?? {}) as { repositories?: Record<string, { runs?: Record<string, Run | null> }> };
  const runs = Object.values(github.repositories ?? {}).flatMap((repo) => Object.values(repo.runs ?? {}).filter((run): run is Run => Boolean(run)));
  return {
    s3: loadS3State(sections.s3),
    glue: loadGlueState(sections.glue),
    iam: loadIamState(sections.iam),
    logs: loadLogsState(sections.logs),
    sfn: loadSfnState(sections.sfn),
    snowflake: loadSnowflakeState(sections.snowflake),
    dynamodb: dynamodbSectionSchema.parse(sections.dynamodb ?? {}),
    cloudwatch: loadCloudwatchState(sections.cloudwatch, new Date()),
    events: loadEventsState(sections.events),
    sns: loadSnsState(sections.sns),
    terraformRuns: runs.filter((run) => run.workflow.endsWith('terraform.yml')).sort((a, b) => b.created_at.localeCompare(a.created_at)),
  };
}
type Services = ReturnType<typeof servicesOf>;

const planOf = (run: Run): Plan | undefined => Object.values(run.artifacts ?? {}).map((a) => a?.files?.['plan.json'] as Plan | undefined).find(Boolean);
const roleExists = (w: Services, arn: unknown) => typeof arn === 'string' && Boolean(principalByArn(w.iam, arn));
const s3Object = (w: Services, url: string) => {
  const [, bucket = '', key = ''] = /^(?:s3:\/\/)?([^/]+)\/(.*)$/.exec(url) ?? [];
  return w.s3.buckets.get(bucket)?.objects.get(key);
};
const s3PrefixExists = (w: Services, url: string) => {
  const [, bucket = '', prefix = ''] = /^s3:\/\/([^/]+)\/(.*)$/.exec(url) ?? [];
  const objects = w.s3.buckets.get(bucket)?.objects;
  return Boolean(objects && [...objects.keys()].some((key) => key.startsWith(prefix)));
};

/** Whether the resource a Terraform value describes exists in the services, or why not. */
function missing(w: Services, type: string, value: Json): string | null {
  const name = String(value.name ?? value.bucket ?? '');
  const found: Record<string, () => boolean> = {
    aws_s3_bucket: () => w.s3.buckets.has(name),
    aws_s3_bucket_notification: () => w.s3.buckets.has(name),
    aws_glue_job: () => w.glue.jobs.has(name) && (value.role_arn === undefined || roleExists(w, value.role_arn)),
    aws_iam_role: () => w.iam.roles.has(name) && (value.arn === undefined || principalArn(w.iam.roles.get(name)!) === value.arn),
    aws_dynamodb_table: () => name in w.dynamodb.tables && (value.arn === undefined || value.arn === `arn:aws:dynamodb:eu-west-1:123456789012:table/${name}`),
    aws_cloudwatch_log_group: () => w.logs.groups.has(name),
    snowflake_storage_integration: () => w.snowflake.storageIntegrations.has(name),
    snowflake_stage: () => w.snowflake.stages.has(`${String(value.database)}.${String(value.schema)}.${name}`) && w.snowflake.storageIntegrations.has(String(value.storage_integration)),
  };
  if (!found[type]) return `no cross-check for resource type ${type}: add one`;
  return found[type]() ? null : `${type} ${name} does not exist in the world's services`;
}

/** How a resource's settings in Terraform differ from the services' (empty when they agree). */
function differences(w: Services, type: string, value: Json): string[] {
  const name = String(value.name ?? value.bucket ?? '');
  const same = (what: string, terraform: unknown, service: unknown) => (JSON.stringify(terraform) === JSON.stringify(service) ? [] : [`${type} ${name} ${what}: Terraform ${JSON.stringify(terraform)}, service ${JSON.stringify(service)}`]);
  if (type === 'aws_glue_job') {
    const job = w.glue.jobs.get(name)!;
    return [
      ...same('role', value.role_arn, job.Role),
      ...same('worker type', value.worker_type, job.WorkerType),
      ...same('workers', value.number_of_workers, job.NumberOfWorkers),
      ...same('timeout', value.timeout, job.Timeout),
      ...same('Glue version', value.glue_version, job.GlueVersion),
      ...same('tags', value.tags, job.Tags),
    ];
  }
  if (type === 'aws_s3_bucket_notification') {
    const queues = (value.queue as Array<{ queue_arn: string; events: string[]; filter_prefix?: string }>).map((q) => ({ arn: q.queue_arn, events: q.events, prefix: q.filter_prefix ?? '' }));
    const configured = (w.s3.buckets.get(name)!.notification.QueueConfigurations ?? []).map((q) => ({ arn: q.QueueArn, events: q.Events, prefix: q.Filter?.Key.FilterRules.find((r) => r.Name === 'Prefix')?.Value ?? '' }));
    return same('queues', queues, configured);
  }
  if (type === 'aws_cloudwatch_log_group') return same('retention', value.retention_in_days, w.logs.groups.get(name)!.retentionInDays);
  if (type === 'aws_dynamodb_table') return same('hash key', value.hash_key, w.dynamodb.tables[name]!.hashKey);
  if (type === 'snowflake_storage_integration') {
    const integration = w.snowflake.storageIntegrations.get(name)!;
    return [...same('enabled', value.enabled, integration.enabled), ...same('allowed locations', value.storage_allowed_locations, integration.allowedLocations)];
  }
  if (type === 'snowflake_stage') {
    const stage = w.snowflake.stages.get(`${String(value.database)}.${String(value.schema)}.${name}`)!;
    return [...same('url', value.url, stage.url), ...same('integration', value.storage_integration, stage.storageIntegration)];
  }
  return [];
}

/** Each agreement a world keeps between its services; a check returns what breaks it. */
const agreements: Record<string, (w: Services, world: string) => string[]> = {
  'every Terraform plan names buckets, jobs, roles, tables and Snowflake objects that exist': (w) =>
    w.terraformRuns.flatMap((run) => (planOf(run)?.resource_changes ?? []).flatMap((rc) => (rc.change.before ? [missing(w, rc.type, rc.change.before)] : [])).filter((p): p is string => p !== null)),

  "the latest plan's view of each resource agrees with the services' settings": (w, world) => {
    // A world that leaves the GitHub section alone stages its incident after the latest Terraform run.
    if (world !== 'healthy' && !existsSync(path.join(worldsDir, world, 'github.json'))) return [];
    const run = w.terraformRuns.find((r) => planOf(r));
    const plan = run && planOf(run);
    if (!run || !plan) return ['no Terraform plan to compare'];
    const real = new Map((plan.resource_changes ?? []).map((rc) => [rc.address, { type: rc.type, value: run.conclusion === 'success' ? rc.change.after : rc.change.before }]));
    for (const drift of plan.resource_drift ?? []) real.set(drift.address, { type: drift.type, value: drift.change.after });
    return [...real.values()].flatMap(({ type, value }) => (value ? (missing(w, type, value) ? [missing(w, type, value)!] : differences(w, type, value)) : []));
  },

  'the state lock names the state object, and its digest is that object’s MD5': (w) =>
    Object.values(w.dynamodb.tables).flatMap((table) =>
      Object.entries(table.items).flatMap(([id, item]) => {
        const object = s3Object(w, id.replace(/-md5$/, ''));
        if (!object) return [`lock item ${id} names a state object that does not exist`];
        if (id.endsWith('-md5')) return item.Digest === createHash('md5').update(object.read()).digest('hex') ? [] : [`lock item ${id}: Digest is not the MD5 of the state object`];
        return (item.Info as { Path?: string }).Path === id ? [] : [`lock item ${id}: Info.Path names another state`];
      }),
    ),

  'workflow logs name the buckets and jobs that exist': (w) =>
    w.terraformRuns.flatMap((run) =>
      Object.values(run.jobs ?? {}).flatMap((job) =>
        (job?.log ?? []).flatMap((line) => {
          const match = /^(aws_s3_bucket|aws_glue_job)\.\w+: (?:Refreshing state|Modifying|Destroying)\.\.\. \[id=([^\]]+)\]/.exec(line);
          return match && missing(w, match[1]!, { name: match[2]! }) ? [`log line "${line}" names a resource that does not exist`] : [];
        }),
      ),
    ),

  'Glue jobs run as roles that exist, from scripts that exist, on S3 inputs that exist': (w) =>
    [...w.glue.jobs.values()].flatMap((job) => [
      ...(roleExists(w, job.Role) ? [] : [`job ${job.Name} runs as ${job.Role}, which does not exist`]),
      ...(s3Object(w, job.Command.ScriptLocation) ? [] : [`job ${job.Name} runs ${job.Command.ScriptLocation}, which does not exist`]),
      ...w.glue.runs.get(job.Name)!.flatMap((run) =>
        Object.entries(run.Arguments)
          .filter(([name]) => name.endsWith('_path'))
          .flatMap(([name, url]) => (s3PrefixExists(w, url) ? [] : [`run ${run.Id} of ${job.Name}: ${name} ${url} holds no object`])),
      ),
    ]),

  'the state machine runs as a role that exists, Glue jobs that exist, and its executions and logs name Glue runs that exist': (w) =>
    [...w.sfn.stateMachines.values()].flatMap((machine) => [
      ...(roleExists(w, machine.roleArn) ? [] : [`${machine.name} runs as ${machine.roleArn}, which does not exist`]),
      ...Object.values((machine.definition.States ?? {}) as Record<string, { Parameters?: { JobName?: string } }>).flatMap((state) =>
        state.Parameters?.JobName && !w.glue.jobs.has(state.Parameters.JobName) ? [`${machine.name} starts Glue job ${state.Parameters.JobName}, which does not exist`] : [],
      ),
      ...[...machine.executions.values()].flatMap((execution) => [
        ...execution.spec.path.flatMap((visit) => (visit.glueJobRunId && !findJobRun(w.glue, visit.glueJobRunId) ? [`${execution.name} names Glue run ${visit.glueJobRunId}, which does not exist`] : [])),
        ...Object.entries(execution.spec.input as Record<string, unknown>).flatMap(([key, url]) => (key.endsWith('_path') && typeof url === 'string' && !s3PrefixExists(w, url) && execution.status !== 'RUNNING' ? [`${execution.name} input ${key} ${url} holds no object`] : [])),
      ]),
      ...[...w.logs.groups.values()].flatMap((group) => [...group.streams.keys()].filter((stream) => stream.startsWith('jr_') && !findJobRun(w.glue, stream)).map((stream) => `log stream ${group.name}/${stream} names a Glue run that does not exist`)),
    ]),

  'Snowflake stages read buckets that exist, through integrations whose roles exist, listening on the queue the bucket notifies': (w) => [
    ...[...w.snowflake.stages.entries()].flatMap(([name, stage]) => (w.s3.buckets.has(new URL(stage.url).host) ? [] : [`stage ${name} reads ${stage.url}, a bucket that does not exist`])),
    ...[...w.snowflake.storageIntegrations.entries()].flatMap(([name, integration]) => (roleExists(w, integration.awsRoleArn) ? [] : [`integration ${name} assumes ${integration.awsRoleArn}, which does not exist`])),
    ...[...w.snowflake.externalTables.entries()].flatMap(([name, table]) => {
      const bucket = w.s3.buckets.get(new URL(w.snowflake.stages.get(table.stage)?.url ?? 's3://none/').host);
      const queues = (bucket?.notification.QueueConfigurations ?? []).map((q) => q.QueueArn);
      return table.notificationChannel && queues.length && !queues.includes(table.notificationChannel) ? [`${name} listens on ${table.notificationChannel}, the bucket notifies ${queues.join(', ')}`] : [];
    }),
  ],

  'alarms and rules notify topics that exist, watch state machines that exist, and the state machine logs to a group that exists': (w) => {
    const topics = new Set([...w.sns.topics.keys()].map(topicArn));
    const machines = new Set([...w.sfn.stateMachines.keys()].map(stateMachineArn));
    return [
      ...w.cloudwatch.alarms.flatMap((alarm) => [
        ...alarm.alarmActions.filter((arn) => arn.includes(':sns:') && !topics.has(arn)).map((arn) => `alarm ${alarm.name} notifies ${arn}, which does not exist`),
        ...(alarm.dimensions.StateMachineArn && !machines.has(alarm.dimensions.StateMachineArn) ? [`alarm ${alarm.name} watches ${alarm.dimensions.StateMachineArn}, which does not exist`] : []),
      ]),
      ...w.events.rules.flatMap((rule) =>
        Object.values(rule.targets).flatMap((target) => (target.arn.includes(':sns:') && !topics.has(target.arn)) || (target.arn.includes(':states:') && !machines.has(target.arn)) ? [`rule ${rule.name} targets ${target.arn}, which does not exist`] : []),
      ),
      ...[...w.sfn.stateMachines.values()].flatMap((machine) => {
        const group = machine.logging.logGroupArn?.replace(/^.*:log-group:/, '').replace(/:\*$/, '');
        return group && !w.logs.groups.has(group) ? [`${machine.name} logs to ${group}, which does not exist`] : [];
      }),
    ];
  },
};

/** Incidents that stage a broken reference on purpose: the agreement they break, which must stay broken there. */
const stagedBreaks: Record<string, string[]> = {
  'sfn-glue-job-misconfigured': ['Glue jobs run as roles that exist, from scripts that exist, on S3 inputs that exist'],
};

describe('every world names the same buckets, jobs, roles, tables and Snowflake objects across its services', () => {
  const cases = listWorlds().flatMap((world) => Object.keys(agreements).map((agreement) => [world, agreement] as const));
  it.each(cases)('%s: %s', (world, agreement) => {
    const problems = agreements[agreement]!(servicesOf(world), world);
    if (stagedBreaks[world]?.includes(agreement)) expect(problems, `${world} stages this break on purpose`).not.toEqual([]);
    else expect(problems).toEqual([]);
  });

  it('checks the Terraform worlds against a plan, so the agreement about plans is not vacuous', () => {
    for (const world of ['healthy', 'terraform-drift', 'terraform-destroys-protected', 'terraform-ci-access-denied']) {
      const plan = servicesOf(world).terraformRuns.map(planOf).find(Boolean);
      expect(plan?.resource_changes?.length, world).toBeGreaterThan(5);
    }
  });
});
