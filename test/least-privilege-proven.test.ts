import { describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import type { CheckDefinition } from '../src/check-api';
import { importCheck } from '../src/catalog/load-check';
import { validateConfig } from '../src/config';
import { planPermissions, type PolicyDocument } from '../src/least-privilege';
import { iamActionsFor } from '../src/least-privilege/operation-actions';
import type { RunReport, Step } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { selectSteps } from '../src/runner/select';
import type { CallRecord } from '../src/sandbox/core/call-log';
import { startSandbox } from '../src/sandbox/sandbox';
import { listWorlds } from '../src/sandbox/world/load-world';
import { describeOutcomes, root, runInWorld } from './support/project';

const config = validateConfig(projectConfig);
const sandboxEnvironment = config.environments[config.defaultEnvironment]!;

/** Every step of the runbook with a check, and the check it runs (the checks `--iam-policy` plans for). */
async function linkedChecks(): Promise<Array<{ step: Step; check: CheckDefinition }>> {
  const { runbook } = await loadRunbook(defaultLayout(root));
  const steps = selectSteps(runbook, []).filter((step) => step.check);
  return Promise.all(steps.map(async (step) => ({ step, check: await importCheck(root, step.check!.modulePath, (absolute) => import(absolute)) })));
}

/** The policy without one action: taken out of every statement, and a statement left with none dropped. */
function without(policy: PolicyDocument, action: string): PolicyDocument {
  const Statement = policy.Statement.map((s) => ({ ...s, Action: s.Action.filter((a) => a !== action) })).filter((s) => s.Action.length > 0);
  return { ...policy, Statement };
}

const statusesOf = (report: RunReport) => Object.fromEntries(report.results.map((r) => [r.step, r.status]));

describe('least privilege, proven by the sandbox (issue 12, item 2)', async () => {
  const linked = await linkedChecks();
  // The same code as `npm run check -- --iam-policy`: every linked check and action, for the environment the runs use.
  const plan = planPermissions([...new Map(linked.map(({ check }) => [check.id, check])).values()], sandboxEnvironment);
  const readOnly = plan.readOnly.policy;
  const readActions = [...new Set(readOnly.Statement.flatMap((s) => s.Action))].sort();

  it('sufficient: with the generated read-only policy enforced, every check in healthy gives the verdict it gives without it', async () => {
    expect(readActions.length).toBeGreaterThan(10);
    const open = await runInWorld('healthy', []);
    let denied: CallRecord[] = [];
    let enforcedStatements = 0;
    const enforced = await runInWorld('healthy', [], {
      sandboxCallerPolicy: readOnly,
      inspectSandbox: (sandbox) => {
        denied = sandbox.calls.all().filter((c) => c.denied);
        enforcedStatements = sandbox.callerPolicy?.Statement.length ?? 0;
      },
    });
    expect(enforcedStatements).toBe(readOnly.Statement.length);
    expect(denied.map((c) => `${c.service} ${c.operation}: ${c.denied}`)).toEqual([]);
    expect(statusesOf(enforced), describeOutcomes(enforced)).toEqual(statusesOf(open));
    expect(enforced.totals.pass).toBeGreaterThan(20);
  }, 240_000);

  it('minimal: without any one of its actions, the checks that use it report error naming that action, never pass or fail', async () => {
    // An action some checks call only in an incident (a failed run's details) is proven in the first world where one does.
    const worlds = ['healthy', ...listWorlds().filter((name) => name !== 'healthy')];
    const sandbox = await startSandbox({ world: 'healthy' });
    const provenIn: string[] = [];
    try {
      for (const action of readActions) {
        const users = linked.filter(({ check }) => check.uses.some((entry) => iamActionsFor(entry).includes(action)));
        expect(users.length, action).toBeGreaterThan(0);
        let proven = false;
        for (const [world, named] of worlds.flatMap((w) => [[w, false], [w, true]] as const)) {
          if (sandbox.world.name !== world) await sandbox.loadWorld(world);
          sandbox.setCallerPolicy(without(readOnly, action));
          sandbox.calls.clear();
          // Some calls are made only for a run the engineer names (--param jobRunId): the world's newest run of its first job.
          const [jobName, runs] = [...sandbox.states.glue.runs.entries()].find(([, list]) => list.length) ?? [];
          const params: Record<string, string> = named && jobName ? { jobName, jobRunId: runs![0]!.Id } : {};
          if (named && !jobName) continue;
          const report = await runInWorld(world, users.map(({ step }) => step.id), { sandboxUrl: sandbox.url, params });
          const deniedSteps = new Set(sandbox.calls.all().filter((c) => c.denied === action).map((c) => c.trace?.step));
          // A step that shares another step's check shows that check's outcome.
          const shared = (summary: string) => /^same check as /.test(summary);
          for (const result of report.results.filter((r) => deniedSteps.has(r.step) || (shared(r.summary) && r.status === 'error'))) {
            expect(result.status, `${world}, ${action}, ${result.step}: ${result.summary}`).toBe('error');
            expect(result.summary, `${world}, ${result.step}`).toContain(action);
          }
          expect(sandbox.calls.all().filter((c) => c.denied && c.denied !== action), `${world}: only ${action} is missing`).toEqual([]);
          if (deniedSteps.size === 0) continue;
          proven = true;
          provenIn.push(`${action} in ${world}${named ? ' for a named run' : ''} (${[...deniedSteps].sort().join(', ')})`);
          break;
        }
        expect(proven, `${action}: no check in any world was denied it`).toBe(true);
      }
    } finally {
      await sandbox.stop();
    }
    console.log(`least privilege, minimal: each of ${readActions.length} actions, removed, makes a check report error naming it: ${provenIn.join('; ')}`);
  }, 300_000);

  it('actions need the remediation policy: with the read-only one the redrive is an error naming states:RedriveExecution and changes nothing', async () => {
    const action = '3.1.5';
    let mutations: CallRecord[] = [];
    const refused = await runInWorld('glue-corrupt-json', [action], { fix: true, sandboxCallerPolicy: readOnly, inspectSandbox: (sandbox) => (mutations = sandbox.calls.mutations()) });
    expect(refused.results[0]).toMatchObject({ step: action, status: 'error', summary: expect.stringContaining('states:RedriveExecution') });
    expect(mutations).toEqual([]);
    const both: PolicyDocument = { ...readOnly, Statement: [...readOnly.Statement, ...plan.remediation.policy.Statement] };
    expect(plan.remediation.policy.Statement.flatMap((s) => s.Action)).toContain('states:RedriveExecution');
    const applied = await runInWorld('glue-corrupt-json', [action], { fix: true, sandboxCallerPolicy: both, inspectSandbox: (sandbox) => (mutations = sandbox.calls.mutations()) });
    expect(applied.results[0], describeOutcomes(applied)).toMatchObject({ step: action, status: 'pass' });
    expect(mutations.map((c) => c.operation)).toEqual(['RedriveExecution']);
  }, 120_000);
});
