import path from 'node:path';
import { createRunMemo, type CheckDefinition, type Clock } from '../check-api';
import { runTraced } from '../clients/call-trace';
import { preloadClientModules, usedServices } from '../clients/client-modules';
import { createServiceClients, type ServiceClients } from '../clients';
import { createServiceBreaker } from '../clients/breaker/service-breaker';
import { importCheck, type ModuleLoader } from '../catalog/load-check';
import type { RunbookConfig } from '../config';
import { reportVersion, type ReportScenario, type RunReport, type Step } from '../model';
import { countStatuses } from './count-statuses';
import { auditLogPath } from '../reporters/locations';
import type { FaultSpec } from '../sandbox/faults/schema';
import type { Sandbox } from '../sandbox/sandbox';
import type { SandboxThread } from '../sandbox/thread/sandbox-thread';
import { appendAudit, currentUser } from './audit';
import type { ActionConfirmation } from './action-confirmation';
import { callerIdentity } from './caller-identity';
import { openEnvironment } from './environment';
import type { RunProgress } from './progress';
import { redactDeep, secretsFromEnvironment } from '../redaction';
import { runStep } from './run-step';
import { shareCheckRuns } from './share-check-runs';
import { attributeCallsToSteps, type StepServiceCallListener } from './step-attribution';

/** What to run and how. */
export interface RunRequest {
  root: string;
  config: RunbookConfig;
  steps: Step[];
  /** The scenarios the steps belong to, for titles and severities in reports. */
  scenarios: ReportScenario[];
  selection: string[];
  environment?: string;
  world?: string;
  fix?: boolean;
  params?: Record<string, string>;
  clock?: Clock;
  /** How many checks run at once. */
  concurrency?: number;
  log?: (message: string) => void;
  /** How check modules are loaded (default: `require`). */
  loadModule?: ModuleLoader;
  /** Faults for the sandbox the run starts (latency, broken answers), besides the world's own. */
  sandboxFaults?: FaultSpec[];
  /** The seed of the sandbox's fault draws (rates), for a run that should differ from the last, or repeat it. */
  sandboxFaultSeed?: number;
  /** An IAM policy document the sandbox the run starts enforces for the caller (`--sandbox-caller-policy`), over the world's. */
  sandboxCallerPolicy?: unknown;
  /** A sandbox already running (`npm run sandbox`) to use instead of starting one; RUNBOOK_SANDBOX_URL by default. */
  sandboxUrl?: string;
  /** The sandbox the CLI started for this run in a thread of its own (its world and caller policy chosen); the run stops it. */
  sandboxThread?: SandboxThread;
  /** Called with the sandbox the run started, before it stops: tests read its call log. */
  inspectSandbox?: (sandbox: Sandbox) => void;
  /** Told when each step starts and ends (live progress). */
  progress?: RunProgress;
  /** Told of every service call as it ends, with the step that made it (`--verbose`). */
  onServiceCall?: StepServiceCallListener;
  /**
   * The run's abort path (Ctrl-C calls it): aborting stops the running checks, ends each started action's audit
   * trail with `interrupted`, and reports the steps not yet started as interrupted; the report is still returned.
   */
  signal?: AbortSignal;
  /**
   * Asked before each action applies under --fix, with its preview (the CLI prompts, or prints it under --yes); true
   * to go on. Absent, confirmed actions apply without asking: the library caller decided.
   */
  confirm?: (request: ActionConfirmation) => Promise<boolean>;
  /** Seconds the whole run may take (`--deadline`; the configuration's `runDeadlineSeconds` when omitted). */
  deadlineSeconds?: number;
}

/** How many checks run at once unless the request says otherwise: every step of the largest scenario. */
export const defaultConcurrency = 16;

/** Counts outcomes by status (kept here for the modules that import it from the runner). */
export { countStatuses };

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Loads each step's check module once; a module that fails to load becomes that step's error. */
async function loadChecks(root: string, steps: readonly Step[], load?: ModuleLoader): Promise<Map<string, CheckDefinition | Error>> {
  const loaded = new Map<string, CheckDefinition | Error>();
  for (const step of steps) {
    const modulePath = step.check?.modulePath;
    if (!modulePath || loaded.has(modulePath)) continue;
    loaded.set(modulePath, await importCheck(root, modulePath, load).catch((error: Error) => error));
  }
  return loaded;
}

/** Runs the selected steps' checks concurrently against an environment and returns the result document. */
export async function runSteps(request: RunRequest): Promise<RunReport> {
  const clock = request.clock ?? { now: () => new Date() };
  const startedAt = clock.now();
  const started = Date.now();
  const checks = await loadChecks(request.root, request.steps, request.loadModule);
  // While the sandbox's thread starts, this one loads the clients the checks will call: both are ready about together.
  if (request.sandboxThread) {
    const services = usedServices([...checks.values()].flatMap((check) => (check instanceof Error ? [] : check.uses)));
    request.sandboxThread.prepare(services);
    preloadClientModules(services);
  }
  const env = await openEnvironment(request.config, request.environment, request.world, {
    ...(request.sandboxFaults ? { faults: request.sandboxFaults } : {}),
    ...(request.sandboxFaultSeed !== undefined ? { faultSeed: request.sandboxFaultSeed } : {}),
    ...(request.clock ? { clock: request.clock } : {}),
    ...(request.sandboxCallerPolicy !== undefined ? { callerPolicy: request.sandboxCallerPolicy } : {}),
    ...((request.sandboxUrl ?? process.env.RUNBOOK_SANDBOX_URL) ? { running: request.sandboxUrl ?? process.env.RUNBOOK_SANDBOX_URL } : {}),
    ...(request.sandboxThread ? { thread: request.sandboxThread } : {}),
  });
  const calls = attributeCallsToSteps(request.onServiceCall);
  // One breaker for the run: a service that hung or refused a connection is not waited on by the other checks.
  const breaker = createServiceBreaker();
  const clients = createServiceClients(env.targets, { readOnly: true, onCall: calls.onCall, breaker });
  const deadlineSeconds = request.deadlineSeconds ?? request.config.runDeadlineSeconds;
  let writable: ServiceClients | undefined;
  const user = currentUser();
  const memo = createRunMemo();
  const identify = callerIdentity(clients, env.targets);
  // Against a sandbox, each step's calls carry a trace, so the sandbox's call log shows which calls depend on which.
  const traced = env.config.sandbox ? runTraced : <T>(_step: string, work: () => T) => work();
  try {
    const run = shareCheckRuns((step, check) =>
      traced(step.id, () => calls.inStep(step.id, () => runStep(step, check, {
        environment: env.name,
        world: env.world,
        config: env.config,
        clients,
        writableClients: () => (writable ??= createServiceClients(env.targets, { readOnly: false, onCall: calls.onCall, breaker })),
        clock,
        fix: request.fix ?? false,
        timeoutMs: request.config.checkTimeoutSeconds * 1000,
        params: request.params ?? {},
        log: request.log ?? (() => undefined),
        audit: (record) => appendAudit(path.join(request.root, auditLogPath), record),
        user,
        identify,
        sandbox: Boolean(env.config.sandbox),
        ...(request.confirm ? { confirm: request.confirm } : {}),
        memo,
        ...(request.signal ? { interrupt: request.signal } : {}),
        ...(deadlineSeconds !== undefined ? { deadline: { at: started + deadlineSeconds * 1000, seconds: deadlineSeconds } } : {}),
      }))),
    );
    const results = await mapLimited(request.steps, request.concurrency ?? defaultConcurrency, async (step) => {
      request.progress?.started(step);
      const outcome = await run(step, step.check ? checks.get(step.check.modulePath)! : null);
      request.progress?.finished(outcome);
      return outcome;
    });
    const report: RunReport = {
      version: reportVersion,
      environment: env.name,
      world: env.world,
      selection: request.selection,
      scenarios: request.scenarios,
      fix: request.fix ?? false,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - started,
      totals: countStatuses(results),
      results,
    };
    return redactDeep(report, secretsFromEnvironment(process.env));
  } finally {
    memo.close();
    await Promise.allSettled([clients.close(), writable?.close()]);
    if (env.sandbox) request.inspectSandbox?.(env.sandbox);
    await env.close();
  }
}
