import { createRunMemo, isVerdict, type ActionCheck, type ActionPlan, type CheckContext, type CheckDefinition, type Clock, type RunMemo } from '../check-api';
import { error as errorVerdict, skip } from '../check-api/verdicts';
import { previewEvidence } from '../check-api/preview-evidence';
import { ServiceNotConfiguredError, type ServiceClients } from '../clients';
import { withCallBudget } from '../clients/retry/budget';
import { describeCallFailure } from '../clients/service-error';
import type { CheckResult, Step, StepOutcome } from '../model';
import type { EnvironmentConfig } from '../config';
import { finishedRecord, type AuditBase, type AuditRecord } from './audit';
import type { ActionConfirmation } from './action-confirmation';

/** Everything one step needs to run. */
export interface StepRunContext {
  environment: string;
  world: string | null;
  config: EnvironmentConfig;
  clients: ServiceClients;
  /** Clients that may change state; opened only for an action run with `--fix`. */
  writableClients: () => ServiceClients;
  clock: Clock;
  fix: boolean;
  timeoutMs: number;
  params: Record<string, string>;
  log: (message: string) => void;
  audit: (record: AuditRecord) => Promise<void>;
  user: string;
  /** Who the service sees for an operation (`sfn:RedriveExecution` → the STS caller ARN), for the audit record. */
  identify: (operation: string, signal: AbortSignal) => Promise<string>;
  /**
   * Asked before an action applies, with its preview: true to go on. Absent, every action confirmed with --fix
   * applies (a library caller's own choice); the CLI always asks, or prints the preview under --yes.
   */
  confirm?: (request: ActionConfirmation) => Promise<boolean>;
  /** True when the environment is a sandbox (no real platform behind it). */
  sandbox: boolean;
  /** What the run's checks share: data fetched once per run. */
  memo: RunMemo;
  /** Aborted when the run is interrupted (Ctrl-C): running steps stop, steps not started are reported interrupted. */
  interrupt?: AbortSignal;
  /** The run's overall deadline (epoch ms) and its length in seconds: a check still running then ends as an error. */
  deadline?: { at: number; seconds: number };
}

/** Raised when a check does not finish within its timeout. */
export class CheckTimeoutError extends Error {
  override name = 'CheckTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`the check did not finish within ${timeoutMs / 1000} s`);
  }
}

/** Raised when the run's overall deadline passes while a check runs, or before it started. */
export class RunDeadlineError extends Error {
  override name = 'RunDeadlineError';
  constructor(
    readonly seconds: number,
    readonly when: 'running' | 'before-start',
  ) {
    super(`the run's deadline of ${seconds} s passed${when === 'before-start' ? ' before the check started' : ' while the check ran'}`);
  }
}

/** Raised when the run is interrupted (the runner's abort path) while a check runs, or before it started. */
export class CheckInterruptedError extends Error {
  override name = 'CheckInterruptedError';
  constructor(readonly when: 'running' | 'before-start') {
    super(when === 'running' ? 'the run was interrupted while the check ran' : 'the run was interrupted before the check started');
  }
}

/** Runs `run` until it settles, its timeout passes or the run is interrupted; the signal it gets is aborted in either case. */
async function withTimeout<T>(timeoutMs: number, interrupt: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>, late: () => Error = () => new CheckTimeoutError(timeoutMs)): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onInterrupt: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    const stop = (reason: Error) => {
      controller.abort(reason);
      reject(reason);
    };
    timer = setTimeout(() => stop(late()), timeoutMs);
    onInterrupt = () => stop(new CheckInterruptedError('running'));
    interrupt?.addEventListener('abort', onInterrupt, { once: true });
  });
  try {
    return await Promise.race([run(controller.signal), stopped]);
  } finally {
    clearTimeout(timer);
    if (onInterrupt) interrupt?.removeEventListener('abort', onInterrupt);
  }
}

/** Why a run stopped an action, from the error its verdict carries. */
function stoppedBy(result: CheckResult): 'timed-out' | 'interrupted' | undefined {
  if (result.status !== 'error') return undefined;
  if (result.error.name === 'CheckTimeoutError' || result.error.name === 'RunDeadlineError') return 'timed-out';
  if (result.error.name === 'CheckInterruptedError') return 'interrupted';
  return undefined;
}

function verdictOfThrown(thrown: unknown): CheckResult {
  if (thrown instanceof ServiceNotConfiguredError) return skip(`not configured: ${thrown.message}`);
  if (thrown instanceof RunDeadlineError) return errorVerdict(`could not tell: ${thrown.message}`, thrown);
  return errorVerdict(`could not tell: ${describeCallFailure(thrown)}`, thrown);
}

/** An action's audit trail while it runs: the started record, so that the finished one is written however it ends. */
interface ActionTrail {
  started?: AuditBase;
}

/** A check's context for one phase of a step: its clients, its signal, and the memo it reads through. */
function contextFor(check: CheckDefinition, step: Step, run: StepRunContext, signal: AbortSignal, clients: ServiceClients, memo = run.memo.forCheck(signal)): CheckContext {
  return {
    environment: run.environment,
    config: run.config,
    clients,
    clock: run.clock,
    params: Object.fromEntries(Object.keys(check.params ?? {}).filter((k) => k in run.params).map((k) => [k, run.params[k]!])),
    signal,
    log: (message) => run.log(`[${step.id}] ${message}`),
    memo,
  };
}

/** The first phase: a check's verdict, or an action's plan (its dry run without --fix). */
async function checkOrPlan(check: CheckDefinition, step: Step, run: StepRunContext, signal: AbortSignal): Promise<CheckResult | ActionPlan> {
  if (check.kind === 'check') return check.run(contextFor(check, step, run, signal, run.clients));
  const plan = await check.plan(contextFor(check, step, run, signal, run.clients));
  if (isVerdict(plan) || run.fix) return plan;
  return skip(`dry run: would ${plan.description}; run again with --fix to do it`, { evidence: [...plan.evidence, ...previewEvidence(plan.preview)] });
}

/**
 * The last phase of a confirmed action: re-checks its precondition with read-only clients and a memo of its own
 * (what the plan read may be stale), does nothing when it no longer holds, else asks who the caller is, writes
 * the started record and applies.
 */
async function recheckAndApply(check: ActionCheck, plan: ActionPlan, step: Step, run: StepRunContext, signal: AbortSignal, trail: ActionTrail): Promise<CheckResult> {
  const fresh = createRunMemo();
  let precondition;
  try {
    precondition = await check.precondition(contextFor(check, step, run, signal, run.clients, fresh.forCheck(signal)), plan);
  } finally {
    fresh.close();
  }
  if (!precondition.holds) {
    return skip(`not applied: the precondition no longer holds: ${precondition.reason}`, { evidence: [...plan.evidence, ...previewEvidence(plan.preview)] });
  }
  const identities = [...new Set(await Promise.all(plan.preview.calls.map((call) => run.identify(call.operation, signal))))];
  const base: AuditBase = {
    at: run.clock.now().toISOString(), user: run.user, identity: identities.join(', '), environment: run.environment, world: run.world,
    step: step.id, check: check.id, description: plan.description, preview: plan.preview,
  };
  // The trail counts as started once the record is on its way: a run interrupted while it is written still ends it.
  trail.started = base;
  await run.audit({ ...base, phase: 'started' });
  // Stopped while the record was written (the step has ended already): nothing is sent.
  if (signal.aborted) throw signal.reason;
  return check.apply(contextFor(check, step, run, signal, run.writableClients()), plan);
}

/** Waits for the user's answer to an action's preview; an interruption while waiting ends the step as interrupted. */
async function confirmed(run: StepRunContext, request: ActionConfirmation): Promise<boolean> {
  if (!run.confirm) return true;
  if (run.interrupt?.aborted) throw new CheckInterruptedError('before-start');
  let onAbort: (() => void) | undefined;
  const interrupted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new CheckInterruptedError('before-start'));
    run.interrupt?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([run.confirm(request), interrupted]);
  } finally {
    if (onAbort) run.interrupt?.removeEventListener('abort', onAbort);
  }
}

/** Runs one step's check (or reports that it has none) within its timeout; never throws. */
export async function runStep(step: Step, check: CheckDefinition | Error | null, run: StepRunContext): Promise<StepOutcome> {
  const started = Date.now();
  const head = { step: step.id, scenario: step.scenarioId, role: step.role, text: step.text };
  if (check === null) {
    return { ...head, check: null, kind: null, durationMs: 0, ...skip('no check yet') };
  }
  if (check instanceof Error) {
    return { ...head, check: step.check?.id ?? null, kind: null, durationMs: 0, ...errorVerdict(`could not load the check: ${check.message}`, check) };
  }
  if (run.interrupt?.aborted) {
    const interrupted = new CheckInterruptedError('before-start');
    return { ...head, check: check.id, kind: check.kind, durationMs: 0, ...errorVerdict('interrupted before it ran', interrupted) };
  }
  const left = run.deadline ? run.deadline.at - started : Infinity;
  if (run.deadline && left <= 0) {
    return { ...head, check: check.id, kind: check.kind, durationMs: 0, ...errorVerdict(`could not tell: ${new RunDeadlineError(run.deadline.seconds, 'before-start').message}`, new RunDeadlineError(run.deadline.seconds, 'before-start')) };
  }
  const trail: ActionTrail = {};
  // Each phase gets the check's timeout, or what is left of the run's deadline if that is sooner; the clients'
  // retries never wait past it. The wait for the user's confirmation is not counted.
  const phase = <T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const at = Date.now();
    const remaining = run.deadline ? run.deadline.at - at : Infinity;
    if (run.deadline && remaining <= 0) return Promise.reject(new RunDeadlineError(run.deadline.seconds, 'before-start'));
    const budget = Math.min(run.timeoutMs, remaining);
    const late = run.deadline && remaining < run.timeoutMs ? () => new RunDeadlineError(run.deadline!.seconds, 'running') : () => new CheckTimeoutError(run.timeoutMs);
    return withTimeout(budget, run.interrupt, (signal) => withCallBudget(at + budget, () => work(signal)), late);
  };
  let result: CheckResult;
  try {
    const first = await phase((signal) => checkOrPlan(check, step, run, signal));
    if (isVerdict(first) || check.kind !== 'action') result = first as CheckResult;
    else if (!(await confirmed(run, { step: step.id, check: check.id, title: check.title, environment: run.environment, sandbox: run.sandbox, plan: first }))) {
      result = skip('not applied: not confirmed at the prompt', { evidence: [...first.evidence, ...previewEvidence(first.preview)] });
    } else result = await phase((signal) => recheckAndApply(check, first, step, run, signal, trail));
  } catch (thrown) {
    result = verdictOfThrown(thrown);
  }
  if (trail.started) {
    run.memo.clear(); // the action changed the world (or may have): checks that read after it must not see what was fetched before
    // Every action that started ends its trail with how it ended, also when the timeout or an interruption cut it short.
    result = await run.audit(finishedRecord(trail.started, run.clock.now(), result, stoppedBy(result))).then(
      () => result,
      (auditError: unknown) => ({ ...result, summary: `${result.summary}; its audit record could not be written: ${(auditError as Error).message}` }),
    );
  }
  return { ...head, check: check.id, kind: check.kind, durationMs: Date.now() - started, ...result };
}
