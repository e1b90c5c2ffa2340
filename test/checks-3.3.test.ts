import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import storageIntegrationActive from '../checks/snowflake/storage-integration-active';
import externalTableAutoRefresh from '../checks/snowflake/external-table-auto-refresh';
import externalTableUnregisteredFiles from '../checks/snowflake/external-table-unregistered-files';
import filesNewerThanTable from '../checks/s3/files-newer-than-table';
import refreshExternalTable from '../checks/snowflake/refresh-external-table';
import s3EventNotifications from '../checks/s3/s3-event-notifications';
import { createRunMemo, type CheckContext, type CheckDefinition } from '../src/check-api';
import { createServiceClients, type ServiceClients } from '../src/clients';
import { validateConfig, type EnvironmentConfig } from '../src/config';
import type { CheckResult, Evidence, JsonValue, RunReport } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { auditLogPath } from '../src/reporters/locations';
import { sandboxTargets } from '../src/runner/environment';
import { runSteps } from '../src/runner/run';
import { selectSteps } from '../src/runner/select';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { listWorlds, worldsDir } from '../src/sandbox/world/load-world';
import { describeOutcomes, root } from './support/project';
import { resolveDateTemplates as dated } from '../src/sandbox/world/relative-time';

const config = validateConfig(projectConfig);
const sandboxConfig = config.environments.sandbox!;
const newKeys = [0, 1, 2].map((i) => `reviews/${dated('year={now-2h:YYYY}/month={now-2h:MM}/day={now-2h:DD}')}/part-0000${i}.parquet`);

/** A sandbox with read-only clients pointed at it over HTTP, as the runner gives checks. */
interface Harness {
  sandbox: Sandbox;
  clients: ServiceClients;
  run(check: CheckDefinition, env?: EnvironmentConfig): Promise<CheckResult>;
  close(): Promise<void>;
}

async function harness(world: string, worlds?: string): Promise<Harness> {
  const sandbox = await startSandbox({ world, ...(worlds ? { worldsDir: worlds } : {}) });
  const clients = createServiceClients(sandboxTargets(sandbox, sandboxConfig), { readOnly: true });
  const context = (env: EnvironmentConfig): CheckContext => ({
    environment: 'sandbox',
    config: env,
    clients,
    clock: { now: () => new Date() },
    params: {},
    signal: new AbortController().signal,
    log: () => undefined,
    memo: createRunMemo().forCheck(new AbortController().signal),
  });
  return {
    sandbox,
    clients,
    run: async (check, env = sandboxConfig) => {
      if (check.kind !== 'check') throw new Error(`${check.id} is an action`);
      return check.run(context(env));
    },
    close: async () => {
      await clients.close();
      await sandbox.stop();
    },
  };
}

const evidenceOf = (result: Pick<CheckResult, 'evidence'>, label: string): JsonValue | undefined => result.evidence.find((e: Evidence) => e.label === label)?.value;

/**
 * A temporary worlds folder holding the S3 and Snowflake sections of `healthy` (what scenario 3.3 reads)
 * and the given incident worlds, whose sections patch those.
 */
function customWorlds(worlds: Record<string, Record<string, unknown>>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-worlds-'));
  mkdirSync(path.join(dir, 'healthy'));
  for (const file of ['world.json', 's3.json', 'snowflake.json']) cpSync(path.join(worldsDir, 'healthy', file), path.join(dir, 'healthy', file));
  for (const [name, sections] of Object.entries(worlds)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'world.json'), JSON.stringify({ description: `test world ${name}`, extends: 'healthy' }));
    for (const [section, patch] of Object.entries(sections)) writeFileSync(path.join(dir, name, `${section}.json`), JSON.stringify(patch));
  }
  return dir;
}

const queue = (overrides: Record<string, unknown>) => ({
  buckets: {
    'arai-processed': {
      notification: {
        QueueConfigurations: [
          {
            Id: 'snowflake-auto-refresh',
            QueueArn: 'arn:aws:sqs:eu-west-1:123456789012:sf-snowpipe-AIDAXSANDBOX7EXAMPLE-Qm9keUJ1Y2tldA',
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'reviews/' }] } },
            ...overrides,
          },
        ],
      },
    },
  },
});

describe('the 3.3 checks in the healthy world, through the real SDK clients over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('healthy');
  });
  afterAll(() => h.close());

  it.each([s3EventNotifications, storageIntegrationActive, externalTableAutoRefresh, externalTableUnregisteredFiles, filesNewerThanTable])('$id passes', async (check) => {
    const result = await h.run(check);
    expect(result.status, result.summary).toBe('pass');
  });

  it('s3-event-notifications names the queue the events reach and links the bucket console', async () => {
    const result = await h.run(s3EventNotifications);
    expect(result.summary).toMatch(/s3:ObjectCreated events for s3:\/\/arai-processed\/reviews\/ reach arn:aws:sqs:.*sf-snowpipe-/);
    expect(evidenceOf(result, 'queue configurations')).toEqual([
      { id: 'snowflake-auto-refresh', queue: expect.stringMatching(/sf-snowpipe-/), events: ['s3:ObjectCreated:*'], prefix: 'reviews/', suffix: '' },
    ]);
    expect(result.links[0]!.url).toMatch(/^https:\/\/s3\.console\.aws\.amazon\.com\/s3\/buckets\/arai-processed\?.*tab=properties/);
  });

  it('the symptom check sees every recent file registered, in one listing call', async () => {
    h.sandbox.calls.clear();
    const result = await h.run(externalTableUnregisteredFiles);
    expect(result.summary).toMatch(/^all 3 files from the last 24h are registered/);
    expect(h.sandbox.calls.all().filter((c) => c.operation === 'ListObjectsV2')).toHaveLength(1);
  });

  it('the new-files symptom names the newest file the table knows', async () => {
    const result = await h.run(filesNewerThanTable);
    expect(result.summary).toBe(`no file under s3://arai-processed/reviews/ is newer than the newest file ANALYTICS.RAW.REVIEWS_EXT knows (${newKeys[2]})`);
  });

  it('a read-only client refuses a mutating call before it is sent', async () => {
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    h.sandbox.calls.clear();
    await expect(h.clients.s3().send(new PutObjectCommand({ Bucket: 'arai-processed', Key: 'x', Body: 'x' }))).rejects.toMatchObject({ name: 'MutationBlockedError' });
    const session = await h.clients.snowflake();
    await expect(session.query('ALTER EXTERNAL TABLE ANALYTICS.RAW.REVIEWS_EXT REFRESH')).rejects.toMatchObject({ name: 'StatementBlockedError' });
    expect(h.sandbox.calls.all().filter((c) => c.service === 's3' || c.mutates)).toEqual([]);
  });
});

describe('the 3.3 checks in the shipped incident worlds', () => {
  it('s3-notifications-missing: 3.3.1 fails saying no queue configuration reaches Snowflake, with none as evidence', async () => {
    const h = await harness('s3-notifications-missing');
    try {
      const result = await h.run(s3EventNotifications);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/no queue configuration/);
      expect(evidenceOf(result, 'queue configurations')).toEqual([]);
      expect(evidenceOf(result, 'notification channel')).toMatch(/^arn:aws:sqs:.*sf-snowpipe-/);
    } finally {
      await h.close();
    }
  });

  it('s3-notifications-missing: the symptom check fails and lists the unregistered keys', async () => {
    const h = await harness('s3-notifications-missing');
    try {
      const result = await h.run(externalTableUnregisteredFiles);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/^3 of 3 new files under s3:\/\/arai-processed\/reviews\/ are not registered in ANALYTICS\.RAW\.REVIEWS_EXT/);
      expect(evidenceOf(result, 'unregistered files')).toBe(3);
      expect((evidenceOf(result, 'unregistered sample') as Array<{ key: string }>).map((o) => o.key)).toEqual([...newKeys].reverse()); // newest first
    } finally {
      await h.close();
    }
  });

  it.each(['s3-notifications-missing', 'storage-integration-disabled', 'auto-refresh-off'])(
    '%s: the new-files symptom fails, naming the newest file the table knows and the files that landed after it',
    async (world) => {
      const h = await harness(world);
      try {
        const result = await h.run(filesNewerThanTable);
        expect(result.status, result.summary).toBe('fail');
        // The worlds register through now-3h: the newest file the table knows is the one of now-26h, older than the 24h window.
        const knownKey = `reviews/${dated('year={now-26h:YYYY}/month={now-26h:MM}/day={now-26h:DD}')}/part-00000.parquet`;
        expect(result.summary.startsWith(`3 new files landed under s3://arai-processed/reviews/ after the newest file ANALYTICS.RAW.REVIEWS_EXT knows (${knownKey}, modified 26h ago)`), result.summary).toBe(true);
        expect(evidenceOf(result, 'newest registered object')).toMatchObject({ key: knownKey });
        expect((evidenceOf(result, 'newer sample') as Array<{ key: string }>).map((o) => o.key)).toEqual(newKeys);
      } finally {
        await h.close();
      }
    },
  );

  it('storage-integration-disabled: 3.3.2 fails with ENABLED = false as evidence', async () => {
    const h = await harness('storage-integration-disabled');
    try {
      const result = await h.run(storageIntegrationActive);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/storage integration ARAI_S3_INTEGRATION is disabled \(ENABLED = false\)/);
      expect(evidenceOf(result, 'ENABLED')).toBe(false);
      expect(evidenceOf(result, 'STORAGE_ALLOWED_LOCATIONS')).toEqual(['s3://arai-processed/reviews/']);
    } finally {
      await h.close();
    }
  });

  it('auto-refresh-off: 3.3.3 fails saying the table has no notification_channel', async () => {
    const h = await harness('auto-refresh-off');
    try {
      const result = await h.run(externalTableAutoRefresh);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/auto-refresh is off: ANALYTICS\.RAW\.REVIEWS_EXT has no notification_channel/);
      expect(evidenceOf(result, 'notification_channel')).toBeNull();
      // 3.3.1 cannot compare the channel, but still finds a Snowflake queue, and says why it passes
      const notifications = await h.run(s3EventNotifications);
      expect(notifications.status).toBe('pass');
      expect(notifications.summary).toMatch(/auto-refresh is off/);
    } finally {
      await h.close();
    }
  });
});

describe('the 3.3 checks in small custom worlds, for branches the shipped worlds do not reach', () => {
  let dir: string;
  beforeAll(() => {
    dir = customWorlds({
      'other-queue': { s3: queue({ QueueArn: 'arn:aws:sqs:eu-west-1:123456789012:some-other-queue' }) },
      'put-only': { s3: queue({ Events: ['s3:ObjectCreated:Put'] }) },
      'suffix-filter': { s3: queue({ Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'reviews/' }, { Name: 'Suffix', Value: '.json' }] } } }) },
      'blocked-location': { snowflake: { storageIntegrations: { ARAI_S3_INTEGRATION: { blockedLocations: ['s3://arai-processed/reviews/'] } } } },
      'not-allowed': { snowflake: { storageIntegrations: { ARAI_S3_INTEGRATION: { allowedLocations: ['s3://arai-raw/'] } } } },
      'stage-without-integration': { snowflake: { stages: { 'ANALYTICS.RAW.PROCESSED_REVIEWS_STAGE': { storageIntegration: '' } } } },
      'pipe-stalled': {
        snowflake: { externalTables: { 'ANALYTICS.RAW.REVIEWS_EXT': { pipe: { executionState: 'STALLED_COMPILATION_ERROR', error: 'queue not reachable' } } } },
      },
      'nothing-registered': { snowflake: { externalTables: { 'ANALYTICS.RAW.REVIEWS_EXT': { registeredThrough: 'now-100d' } } } },
      'table-missing': { snowflake: { externalTables: { 'ANALYTICS.RAW.REVIEWS_EXT': null } } },
      'bucket-missing': { s3: { buckets: { 'arai-processed': null } } },
      'many-recent-files': {
        s3: { buckets: { 'arai-processed': { generated: [{ prefix: 'reviews/year=2026/month=11/day=25/', count: 1200, lastModified: 'now-1h', body: '{}' }] } } },
      },
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const inWorld = async (world: string, check: CheckDefinition, env?: EnvironmentConfig) => {
    const h = await harness(world, dir);
    try {
      return { result: await h.run(check, env), calls: h.sandbox.calls.all() };
    } finally {
      await h.close();
    }
  };

  it('3.3.1 fails when the only queue configuration targets another queue', async () => {
    const { result } = await inWorld('other-queue', s3EventNotifications);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/^no queue configuration targets the table's notification channel arn:aws:sqs:.*sf-snowpipe-/);
  });

  it('3.3.1 warns when only some ObjectCreated events reach the channel', async () => {
    const { result } = await inWorld('put-only', s3EventNotifications);
    expect(result.status).toBe('warn');
    expect(result.summary).toMatch(/only s3:ObjectCreated:Put: multipart uploads or copies send no event/);
  });

  it('3.3.1 warns when a suffix filter limits the events', async () => {
    const { result } = await inWorld('suffix-filter', s3EventNotifications);
    expect(result.status).toBe('warn');
    expect(result.summary).toMatch(/only for keys ending in "\.json"/);
  });

  it('3.3.1 fails when the bucket of the table location does not exist, and so does the symptom check', async () => {
    const { result } = await inWorld('bucket-missing', s3EventNotifications);
    expect(result.status).toBe('fail');
    expect(result.summary).toBe("bucket arai-processed of the table's location does not exist");
    for (const check of [externalTableUnregisteredFiles, filesNewerThanTable]) {
      const symptom = await inWorld('bucket-missing', check);
      expect(symptom.result.status).toBe('fail');
      expect(symptom.result.summary).toMatch(/^bucket arai-processed of the table's location does not exist/);
    }
  });

  it('3.3.2 fails when the integration blocks the stage URL, or does not allow it', async () => {
    const blocked = await inWorld('blocked-location', storageIntegrationActive);
    expect(blocked.result.status).toBe('fail');
    expect(blocked.result.summary).toBe('storage integration ARAI_S3_INTEGRATION blocks s3://arai-processed/reviews/');
    const notAllowed = await inWorld('not-allowed', storageIntegrationActive);
    expect(notAllowed.result.status).toBe('fail');
    expect(notAllowed.result.summary).toBe('storage integration ARAI_S3_INTEGRATION does not allow s3://arai-processed/reviews/');
  });

  it('3.3.2 fails when the stage reads S3 without a storage integration', async () => {
    const { result } = await inWorld('stage-without-integration', storageIntegrationActive);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/reads S3 without a storage integration/);
  });

  it('3.3.3 fails when the pipe is in a STALLED_* state, with its error', async () => {
    const { result } = await inWorld('pipe-stalled', externalTableAutoRefresh);
    expect(result.status).toBe('fail');
    expect(result.summary).toBe('the auto-refresh pipe of ANALYTICS.RAW.REVIEWS_EXT is STALLED_COMPILATION_ERROR, not RUNNING: queue not reachable');
    expect(evidenceOf(result, 'pipe status')).toMatchObject({ executionState: 'STALLED_COMPILATION_ERROR' });
  });

  it.each([s3EventNotifications, storageIntegrationActive, externalTableAutoRefresh, externalTableUnregisteredFiles, filesNewerThanTable])(
    '$id fails, naming the table, when the configured external table does not exist',
    async (check) => {
      const { result } = await inWorld('table-missing', check);
      expect(result.status).toBe('fail');
      expect(result.summary).toBe('external table ANALYTICS.RAW.REVIEWS_EXT does not exist or this role cannot see it');
    },
  );

  it('the symptom check stops listing at its cap and warns, in a bounded number of calls', async () => {
    const capped = { ...sandboxConfig, externalTables: { ...sandboxConfig.externalTables!, maxObjectsListed: 1100 } };
    const { result, calls } = await inWorld('many-recent-files', externalTableUnregisteredFiles, capped);
    expect(result.status, result.summary).toBe('warn');
    expect(result.summary).toMatch(/not every object of the last 24h was seen: sampled the first 1100 keys under s3:\/\/arai-processed\/reviews\/ in key order/);
    expect(evidenceOf(result, 'objects listed')).toBe(1100);
    expect(calls.filter((c) => c.operation === 'ListObjectsV2')).toHaveLength(2);
  });

  it('the new-files symptom fails when the table has registered no file at all, and warns at the listing cap', async () => {
    const { result } = await inWorld('nothing-registered', filesNewerThanTable);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/^6 new files landed under s3:\/\/arai-processed\/reviews\/ after the newest file ANALYTICS\.RAW\.REVIEWS_EXT knows \(it has registered none of them\)/);
    expect(evidenceOf(result, 'newest registered object')).toBeNull();
    const capped = { ...sandboxConfig, externalTables: { ...sandboxConfig.externalTables!, maxObjectsListed: 1100 } };
    const atCap = await inWorld('many-recent-files', filesNewerThanTable, capped);
    expect(atCap.result.status, atCap.result.summary).toBe('warn');
    expect(atCap.result.summary).toMatch(/not every object since the newest file ANALYTICS\.RAW\.REVIEWS_EXT knows was seen: sampled the first 1100 keys under s3:\/\/arai-processed\/reviews\/ in key order .*externalTables\.maxObjectsListed/);
  });

  it('a check that is not configured for the environment skips and names the missing key', async () => {
    const { externalTables: _dropped, ...bare } = sandboxConfig;
    const { result } = await inWorld('other-queue', s3EventNotifications, bare);
    expect(result.status).toBe('skip');
    expect(result.summary).toBe('not configured: environments.sandbox.externalTables.tables is not set in runbook.config.ts');
  });
});

/** Runs the real runbook's selection in a world, in-process, from `runRoot` (audit log), and hands back the sandbox's calls. */
async function runWithCalls(world: string, selection: string[], options: { fix?: boolean; runRoot?: string; concurrency?: number } = {}) {
  const { runbook } = await loadRunbook(defaultLayout(root));
  const steps = selectSteps(runbook, selection);
  let calls: ReturnType<Sandbox['calls']['all']> = [];
  const report: RunReport = await runSteps({
    root: options.runRoot ?? root,
    config,
    steps,
    scenarios: runbook.scenarios.map((s) => ({ id: s.id, title: s.title, severity: s.severity ?? null })),
    selection,
    environment: 'sandbox',
    world,
    fix: options.fix ?? false,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    loadModule: (file) => import(file),
    inspectSandbox: (sandbox) => {
      calls = sandbox.calls.all();
    },
  });
  return { report, calls };
}

describe('the 3.3.4 refresh action', () => {
  it('without --fix is a dry run: it skips, says what it would do, and the sandbox sees no mutating call', async () => {
    const { report, calls } = await runWithCalls('s3-notifications-missing', ['3.3.4']);
    const [outcome] = report.results;
    expect(outcome).toMatchObject({ step: '3.3.4', kind: 'action', status: 'skip' });
    expect(outcome!.summary).toBe('dry run: would ALTER EXTERNAL TABLE ANALYTICS.RAW.REVIEWS_EXT REFRESH; run again with --fix to do it');
    expect(calls.filter((c) => c.mutates)).toEqual([]);
    expect(calls.some((c) => c.operation === 'SHOW EXTERNAL TABLES')).toBe(true);
  });

  it('with --fix refreshes the table, writes the audit record, and afterwards the symptom check passes in the same sandbox', async () => {
    const runRoot = mkdtempSync(path.join(os.tmpdir(), 'runbook-root-'));
    symlinkSync(path.join(root, 'checks'), path.join(runRoot, 'checks'), 'dir');
    try {
      const { report, calls } = await runWithCalls('s3-notifications-missing', ['3.3.s2', '3.3.4'], { fix: true, runRoot, concurrency: 1 });
      expect(report.results.map((r) => `${r.step} ${r.status}`), describeOutcomes(report)).toEqual(['3.3.s2 fail', '3.3.4 pass']);
      const refresh = report.results[1]!;
      expect(refresh.summary).toBe('refreshed: 3 files registered, 0 unregistered');
      expect(evidenceOf(refresh, 'registered')).toEqual(newKeys.map((key) => key.replace(/^reviews\//, '')));
      expect(calls.filter((c) => c.mutates).map((c) => c.statement)).toEqual(['ALTER EXTERNAL TABLE ANALYTICS.RAW.REVIEWS_EXT REFRESH']);
      const audit = readFileSync(path.join(runRoot, auditLogPath), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(audit).toEqual([
        expect.objectContaining({ phase: 'started', step: '3.3.4', check: 'refresh-external-table', environment: 'sandbox', world: 's3-notifications-missing' }),
        expect.objectContaining({ phase: 'finished', step: '3.3.4', status: 'pass', summary: 'refreshed: 3 files registered, 0 unregistered' }),
      ]);
    } finally {
      rmSync(runRoot, { recursive: true, force: true });
    }
  });

  it('after a refresh with --fix, the symptom check run next in the same sandbox passes', async () => {
    const h = await harness('s3-notifications-missing');
    try {
      expect((await h.run(externalTableUnregisteredFiles)).status).toBe('fail');
      const writable = createServiceClients(sandboxTargets(h.sandbox, sandboxConfig), { readOnly: false });
      try {
        const ctx: CheckContext = {
          environment: 'sandbox',
          config: sandboxConfig,
          clients: writable,
          clock: { now: () => new Date() },
          params: {},
          signal: new AbortController().signal,
          log: () => undefined,
          memo: createRunMemo().forCheck(new AbortController().signal),
        };
        if (refreshExternalTable.kind !== 'action') throw new Error('refresh-external-table is an action');
        const plan = await refreshExternalTable.plan(ctx);
        if ('status' in plan) throw new Error(`the plan declined: ${plan.summary}`);
        expect((await refreshExternalTable.apply(ctx, plan)).status).toBe('pass');
      } finally {
        await writable.close();
      }
      const after = await h.run(externalTableUnregisteredFiles);
      expect(after.status, after.summary).toBe('pass');
      expect(after.summary).toMatch(/^all 3 files from the last 24h are registered/);
    } finally {
      await h.close();
    }
  });
});

describe('read-only by default', () => {
  it('running every scenario in every shipped world without --fix sends no mutating call to the sandbox', async () => {
    const worlds = listWorlds();
    const mutations: Record<string, string[]> = {};
    for (let i = 0; i < worlds.length; i += 3) {
      await Promise.all(
        worlds.slice(i, i + 3).map(async (world) => {
          const { calls } = await runWithCalls(world, []);
          mutations[world] = calls.filter((c) => c.mutates).map((c) => `${c.service} ${c.operation} ${c.statement ?? ''}`.trim());
        }),
      );
    }
    expect(Object.keys(mutations).sort()).toEqual(worlds);
    expect(Object.fromEntries(Object.entries(mutations).filter(([, list]) => list.length > 0))).toEqual({});
  }, 240_000);
});
