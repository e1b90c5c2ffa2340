import projectConfig from '../../runbook.config';
import { createRunMemo, type CheckContext, type CheckDefinition } from '../../src/check-api';
import { createServiceClients, type ServiceClients } from '../../src/clients';
import { validateConfig, type EnvironmentConfig } from '../../src/config';
import type { CheckResult, JsonValue } from '../../src/model';
import { sandboxTargets } from '../../src/runner/environment';
import { startSandbox } from '../../src/sandbox/sandbox';

/** The project's sandbox environment, validated. */
export const sandboxConfig = validateConfig(projectConfig).environments.sandbox!;

/** A sandbox in one world with read-only clients over HTTP, as the runner gives checks; each `run` has a memo of its own. */
export async function checkHarness(world: string) {
  const sandbox = await startSandbox({ world });
  const clients: ServiceClients = createServiceClients(sandboxTargets(sandbox, sandboxConfig), { readOnly: true });
  const run = (check: CheckDefinition, options: { env?: EnvironmentConfig; params?: Record<string, string> } = {}): Promise<CheckResult> => {
    if (check.kind !== 'check') throw new Error(`${check.id} is an action`);
    const ctx: CheckContext = { environment: 'sandbox', config: options.env ?? sandboxConfig, clients, clock: { now: () => new Date() }, params: options.params ?? {}, signal: new AbortController().signal, log: () => undefined, memo: createRunMemo().forCheck(new AbortController().signal) };
    return check.run(ctx);
  };
  return { sandbox, run, close: async () => (await clients.close(), await sandbox.stop()) };
}

/** The value of a verdict's evidence by its label. */
export const evidenceOf = (result: CheckResult, label: string): JsonValue | undefined => result.evidence.find((e) => e.label === label)?.value;
