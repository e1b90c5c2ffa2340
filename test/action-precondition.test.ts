import './support/no-egress';
import { RedriveExecutionCommand } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import type { ActionPlan } from '../src/check-api';
import { createServiceClients, type ServiceClients } from '../src/clients';
import { validateConfig } from '../src/config';
import type { AuditRecord } from '../src/runner/audit';
import type { ActionConfirmation } from '../src/runner/action-confirmation';
import { verifyChain } from '../src/runner/audit-chain';
import { sandboxTargets } from '../src/runner/environment';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { openDrill, type Drill } from './support/drill';
import { describeOutcomes } from './support/project';

const config = validateConfig(projectConfig).environments.sandbox!;
const open: Array<{ sandbox: Sandbox; drill: Drill; clients: ServiceClients }> = [];
afterEach(async () => {
  for (const { sandbox, drill, clients } of open.splice(0)) {
    drill.close();
    await clients.close();
    await sandbox.stop();
  }
});

/** A sandbox on `world`, a drill running the real runbook against it, and writable clients for someone else's hands. */
async function stage(world: string) {
  const sandbox = await startSandbox({ world, workSeconds: 0 });
  const opened = { sandbox, drill: openDrill(sandbox), clients: createServiceClients(sandboxTargets(sandbox, config), { readOnly: false }) };
  open.push(opened);
  return opened;
}

const auditOf = (drill: Drill) => drill.auditText().trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as AuditRecord);

/** What someone else does between the preview and the user's yes: the same change, through the service's own API. */
type Meanwhile = (clients: ServiceClients, plan: ActionPlan) => Promise<unknown>;

const cases: Array<{ action: string; world: string; meanwhile: Meanwhile; operation: string; identity: RegExp; noLonger: RegExp }> = [
  {
    action: '3.1.5',
    world: 'glue-corrupt-json',
    operation: 'sfn:RedriveExecution',
    meanwhile: (clients, plan) => clients.sfn().send(new RedriveExecutionCommand({ executionArn: String(plan.preview.calls[0]!.parameters.executionArn) })),
    identity: /^arn:aws:iam::123456789012:/,
    noLonger: /^not applied: the precondition no longer holds: execution \S+ (is RUNNING now, no longer failed|was redriven since the preview \(redrive count 0 → 1\))/,
  },
  {
    action: '3.5.4',
    world: 'airflow-dbt-task-failed',
    operation: 'airflow:ClearTaskInstances',
    meanwhile: (clients, plan) => {
      const { dagId, dagRunId, taskIds } = plan.preview.calls[0]!.parameters as { dagId: string; dagRunId: string; taskIds: string[] };
      return clients.airflow().clearTaskInstances(dagId, { dagRunId, taskIds, includeDownstream: true, dryRun: false });
    },
    identity: /^airflow:/,
    noLonger: /^not applied: the precondition no longer holds: dbt_build (is \w+ in run \S+ now, no longer failed|ran again since the preview \(try 2 → 3\))/,
  },
  {
    action: '3.6.5',
    world: 'terraform-ci-access-denied',
    operation: 'github:ReRunWorkflowFailedJobs',
    meanwhile: async (clients, plan) => (await clients.github()).rest.actions.reRunWorkflowFailedJobs(plan.preview.calls[0]!.parameters as { owner: string; repo: string; run_id: number }),
    identity: /^github:runbook-oncall$/,
    noLonger: /^not applied: the precondition no longer holds: .*(running already|attempt 2 now)/,
  },
  {
    action: '3.3.4',
    world: 'auto-refresh-off',
    operation: 'snowflake:ALTER EXTERNAL TABLE REFRESH',
    meanwhile: async (clients, plan) => (await clients.snowflake()).query(String(plan.preview.calls[0]!.parameters.statement)),
    identity: /^snowflake:\w+/,
    noLonger: /^not applied: the precondition no longer holds: every recent file under the tables' locations is registered now/,
  },
];

describe('an action confirmed with --fix re-checks its precondition right before applying', { timeout: 120_000 }, () => {
  it.each(cases)('$action in $world: applied as previewed, with the caller identity in a chained audit record', async ({ action, world, operation, identity }) => {
    const { sandbox, drill } = await stage(world);
    const asked: ActionConfirmation[] = [];
    const report = await drill.run([action], { fix: true, confirm: async (request) => (asked.push(request), true) });
    expect(report.results[0]!.status, describeOutcomes(report)).toBe('pass');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ step: action, environment: 'sandbox', sandbox: true });
    const preview = asked[0]!.plan.preview;
    expect(preview.calls.map((call) => call.operation)).toContain(operation);
    expect(preview.expects.length).toBeGreaterThan(10);
    const audit = auditOf(drill);
    expect(audit.map((record) => record.phase)).toEqual(['started', 'finished']);
    expect(audit[0]!.identity).toMatch(identity);
    expect(audit[0]!.preview).toEqual(preview);
    expect(verifyChain(drill.auditText())).toEqual({ records: 2, unchained: 0, breaks: [] });
    // The write the sandbox received is the one previewed.
    const writes = sandbox.calls.mutations();
    expect(writes.length, JSON.stringify(writes)).toBeGreaterThan(0);
  });

  it.each(cases)('$action in $world: when the world changed between the preview and the yes, it does nothing and says why', async ({ action, world, meanwhile, noLonger }) => {
    const { sandbox, drill, clients } = await stage(world);
    let writesBefore = 0;
    const report = await drill.run([action], {
      fix: true,
      confirm: async (request) => {
        await meanwhile(clients, request.plan);
        writesBefore = sandbox.calls.mutations().length;
        return true;
      },
    });
    expect(report.results[0], describeOutcomes(report)).toMatchObject({ status: 'skip' });
    expect(report.results[0]!.summary).toMatch(noLonger);
    expect(sandbox.calls.mutations()).toHaveLength(writesBefore);
    expect(drill.auditText()).toBe('');
  });
});
