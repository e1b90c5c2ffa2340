import { isVerdict, type CheckContext, type CheckDefinition, type Clock, type RunMemo } from '../check-api';
import { error as errorVerdict, skip } from '../check-api/verdicts';
import { ServiceNotConfiguredError, type ServiceClients } from '../clients';
import type { CheckResult, Step, StepOutcome } from '../model';
import type { EnvironmentConfig } from '../config';
import type { AuditRecord } from './audit';

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
  /** What the run's checks share: data fetched once per run. */
  memo: RunMemo;
}

/** Raised when a check does not finish within its timeout. */
export class CheckTimeoutError extends Error {
  override name = 'CheckTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`the check did not finish within ${timeoutMs / 1000} s`);
  }
}

async function withTimeout<T>(timeoutMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new CheckTimeoutError(timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function verdictOfThrown(thrown: unknown): CheckResult {
  if (thrown instanceof ServiceNotConfiguredError) return skip(`not configured: ${thrown.message}`);
  const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return errorVerdict(`could not tell: ${message}`, thrown);
}

async function runDefinition(check: CheckDefinition, step: Step, run: StepRunContext, signal: AbortSignal): Promise<CheckResult> {
  const ctx = (clients: ServiceClients): CheckContext => ({
    environment: run.environment,
    config: run.config,
    clients,
    clock: run.clock,
    params: Object.fromEntries(Object.keys(check.params ?? {}).filter((k) => k in run.params).map((k) => [k, run.params[k]!])),
    signal,
    log: (message) => run.log(`[${step.id}] ${message}`),
    memo: run.memo.forCheck(signal),
  });
  if (check.kind === 'check') return check.run(ctx(run.clients));
  const plan = await check.plan(ctx(run.clients));
  if (isVerdict(plan)) return plan;
  if (!run.fix) {
    return skip(`dry run: would ${plan.description}; run again with --fix to do it`, { evidence: plan.evidence });
  }
  const base = { at: run.clock.now().toISOString(), user: run.user, environment: run.environment, world: run.world, step: step.id, check: check.id, description: plan.description };
  await run.audit({ ...base, phase: 'started' });
  const result = await check.apply(ctx(run.writableClients()), plan).catch(verdictOfThrown);
  run.memo.clear(); // the action changed the world: checks that read after it must not see what was fetched before
  await run.audit({ ...base, at: run.clock.now().toISOString(), phase: 'finished', status: result.status, summary: result.summary });
  return result;
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
  const result = await withTimeout(run.timeoutMs, (signal) => runDefinition(check, step, run, signal)).catch(verdictOfThrown);
  return { ...head, check: check.id, kind: check.kind, durationMs: Date.now() - started, ...result };
}
