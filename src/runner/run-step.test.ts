import { describe, expect, it, vi } from 'vitest';
import { createRunMemo, defineCheck, noLongerHolds, pass, stillHolds, type CheckDefinition, type PreconditionCheck } from '../check-api';
import { ServiceNotConfiguredError, type ServiceClients } from '../clients';
import type { CheckResult, Step } from '../model';
import type { AuditRecord } from './audit';
import { runStep, type StepRunContext } from './run-step';

const step: Step = { id: '3.3.4', scenarioId: '3.3', role: 'action', text: 'Run manual metadata refresh', position: { file: 'docs/runbook.md', line: 1, column: 1 } };
const noClients = {} as ServiceClients;

function context(overrides: Partial<StepRunContext> = {}): StepRunContext & { audits: AuditRecord[]; writableOpened: () => boolean } {
  const audits: AuditRecord[] = [];
  let opened = false;
  return {
    environment: 'sandbox',
    world: 'healthy',
    config: {},
    clients: noClients,
    writableClients: () => {
      opened = true;
      return noClients;
    },
    clock: { now: () => new Date('2026-11-25T12:00:00.000Z') },
    fix: false,
    timeoutMs: 1_000,
    params: {},
    log: () => undefined,
    audit: async (record) => void audits.push(record),
    user: 'tester',
    identify: async (operation) => `identity for ${operation}`,
    sandbox: true,
    memo: createRunMemo(),
    audits,
    writableOpened: () => opened,
    ...overrides,
  };
}

const preview = { calls: [{ operation: 'snowflake:ALTER EXTERNAL TABLE REFRESH', parameters: { statement: 'ALTER EXTERNAL TABLE T REFRESH' } }], expects: 'T registers its files' };
const action = (apply: () => Promise<CheckResult>, precondition: () => Promise<PreconditionCheck> = async () => stillHolds): CheckDefinition =>
  defineCheck({ id: 'refresh', title: 't', establishes: 'e', kind: 'action', uses: [], plan: async () => ({ description: 'REFRESH T', preview, evidence: [] }), precondition, apply });

describe('runStep', () => {
  it('reports a step without a check as a skip, and a check that failed to load as an error', async () => {
    expect(await runStep(step, null, context())).toMatchObject({ status: 'skip', summary: 'no check yet', check: null });
    expect(await runStep({ ...step, check: { id: 'x', href: 'h', modulePath: 'checks/x.ts', position: step.position } }, new Error('boom'), context())).toMatchObject({
      status: 'error',
      check: 'x',
      summary: 'could not load the check: boom',
    });
  });

  it('turns an exception into error (could not tell), never fail', async () => {
    const check = defineCheck({ id: 'c', title: 't', establishes: 'e', kind: 'check', uses: [], run: async () => { throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }); } });
    expect(await runStep(step, check, context())).toMatchObject({ status: 'error', summary: 'could not tell: ThrottlingException: Rate exceeded', error: { name: 'ThrottlingException' } });
  });

  it('turns a check that outlives its timeout into an error and aborts its signal', async () => {
    let aborted = false;
    const check = defineCheck({ id: 'slow', title: 't', establishes: 'e', kind: 'check', uses: [], run: (ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', () => { aborted = true; resolve(pass('late')); })) });
    vi.useFakeTimers();
    try {
      const running = runStep(step, check, context({ timeoutMs: 60_000 }));
      await vi.advanceTimersByTimeAsync(60_000); // a minute passes on the fake clock, none on the real one
      expect(await running).toMatchObject({ status: 'error', error: { name: 'CheckTimeoutError' }, summary: 'could not tell: CheckTimeoutError: the check did not finish within 60 s' });
    } finally {
      vi.useRealTimers();
    }
    expect(aborted).toBe(true);
  });

  it('skips a check whose service is not configured, naming it', async () => {
    const check = defineCheck({ id: 'c', title: 't', establishes: 'e', kind: 'check', uses: [], run: async () => { throw new ServiceNotConfiguredError('snowflake'); } });
    expect((await runStep(step, check, context())).summary).toMatch(/^not configured: the environment has no snowflake settings/);
  });

  it('runs an action as a dry run without --fix: no apply, no writable clients, no audit', async () => {
    let applied = false;
    const ctx = context();
    const outcome = await runStep(step, action(async () => { applied = true; return pass('done'); }), ctx);
    expect(outcome).toMatchObject({ status: 'skip', kind: 'action', summary: 'dry run: would REFRESH T; run again with --fix to do it' });
    expect(outcome.evidence).toEqual([{ label: 'will send', value: preview.calls }, { label: 'expects', value: preview.expects }]);
    expect(applied).toBe(false);
    expect(ctx.writableOpened()).toBe(false);
    expect(ctx.audits).toEqual([]);
  });

  it('with --fix applies through writable clients and audits before and after', async () => {
    const ctx = context({ fix: true });
    const outcome = await runStep(step, action(async () => pass('refreshed')), ctx);
    expect(outcome).toMatchObject({ status: 'pass', summary: 'refreshed' });
    expect(ctx.writableOpened()).toBe(true);
    expect(ctx.audits.map((a) => [a.phase, a.step, a.description, a.status ?? null, a.outcome ?? null, a.user])).toEqual([
      ['started', '3.3.4', 'REFRESH T', null, null, 'tester'],
      ['finished', '3.3.4', 'REFRESH T', 'pass', 'applied', 'tester'],
    ]);
    expect(ctx.audits[0]).toMatchObject({ identity: 'identity for snowflake:ALTER EXTERNAL TABLE REFRESH', preview });
  });

  it('asks for confirmation with the preview and the environment; a no applies nothing and writes no audit record', async () => {
    let applied = false;
    const asked: unknown[] = [];
    const ctx = context({ fix: true, confirm: async (request) => (asked.push(request), false) });
    const outcome = await runStep(step, action(async () => { applied = true; return pass('done'); }), ctx);
    expect(asked).toMatchObject([{ step: '3.3.4', check: 'refresh', environment: 'sandbox', sandbox: true, plan: { description: 'REFRESH T', preview } }]);
    expect(outcome).toMatchObject({ status: 'skip', summary: 'not applied: not confirmed at the prompt' });
    expect([applied, ctx.writableOpened(), ctx.audits]).toEqual([false, false, []]);
  });

  it('re-checks the precondition right before applying, after the confirmation, and does nothing when it no longer holds', async () => {
    const order: string[] = [];
    const ctx = context({ fix: true, confirm: async () => (order.push('confirm'), true) });
    const check = action(async () => (order.push('apply'), pass('done')), async () => (order.push('precondition'), noLongerHolds('T has no unregistered file now')));
    const outcome = await runStep(step, check, ctx);
    expect(outcome).toMatchObject({ status: 'skip', summary: 'not applied: the precondition no longer holds: T has no unregistered file now' });
    expect(order).toEqual(['confirm', 'precondition']);
    expect([ctx.writableOpened(), ctx.audits]).toEqual([false, []]);
  });

  it('does not apply when the caller identity cannot be told: error, and no audit record', async () => {
    let applied = false;
    const ctx = context({ fix: true, identify: async () => { throw new Error('STS GetCallerIdentity answered without an Arn'); } });
    const outcome = await runStep(step, action(async () => { applied = true; return pass('done'); }), ctx);
    expect(outcome).toMatchObject({ status: 'error', summary: 'could not tell: Error: STS GetCallerIdentity answered without an Arn' });
    expect([applied, ctx.audits]).toEqual([false, []]);
  });

  it('audits a failed apply as an error', async () => {
    const ctx = context({ fix: true });
    const outcome = await runStep(step, action(async () => { throw new Error('warehouse suspended'); }), ctx);
    expect(outcome.status).toBe('error');
    expect(ctx.audits.at(-1)).toMatchObject({ phase: 'finished', status: 'error', outcome: 'failed' });
  });

  it('ends the audit trail of an action that outlives its timeout with timed-out, saying it may have taken effect', async () => {
    const ctx = context({ fix: true, timeoutMs: 50 });
    const outcome = await runStep(step, action(() => new Promise(() => undefined)), ctx);
    expect(outcome).toMatchObject({ status: 'error', error: { name: 'CheckTimeoutError' } });
    expect(ctx.audits.map((a) => [a.phase, a.outcome ?? null])).toEqual([['started', null], ['finished', 'timed-out']]);
    expect(ctx.audits.at(-1)!.summary).toMatch(/may or may not have taken effect/);
  });

  it('ends the audit trail of an action interrupted through the run signal with interrupted', async () => {
    const interrupt = new AbortController();
    const ctx = context({ fix: true, interrupt: interrupt.signal });
    const running = runStep(step, action(() => new Promise(() => undefined)), ctx);
    await new Promise((resolve) => setTimeout(resolve, 20));
    interrupt.abort();
    expect(await running).toMatchObject({ status: 'error', error: { name: 'CheckInterruptedError' } });
    expect(ctx.audits.map((a) => [a.phase, a.outcome ?? null])).toEqual([['started', null], ['finished', 'interrupted']]);
  });

  it('reports a step the interruption reached before it started as interrupted, without running it', async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    let ran = false;
    const check = defineCheck({ id: 'c', title: 't', establishes: 'e', kind: 'check', uses: [], run: async () => { ran = true; return pass('x'); } });
    expect(await runStep(step, check, context({ interrupt: interrupt.signal }))).toMatchObject({ status: 'error', summary: 'interrupted before it ran', error: { name: 'CheckInterruptedError' } });
    expect(ran).toBe(false);
  });
});
