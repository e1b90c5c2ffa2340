import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import projectConfig from '../../runbook.config';
import { createRunMemo, type CheckContext, type CheckDefinition } from '../../src/check-api';
import { createServiceClients, type ServiceClients } from '../../src/clients';
import { validateConfig, type EnvironmentConfig } from '../../src/config';
import type { CheckResult, JsonValue } from '../../src/model';
import { sandboxTargets } from '../../src/runner/environment';
import { startSandbox } from '../../src/sandbox/sandbox';
import { worldsDir } from '../../src/sandbox/world/load-world';

/** The project's sandbox environment, validated, as the runner gives it to checks. */
export const sandboxConfig = validateConfig(projectConfig).environments.sandbox!;

/**
 * A sandbox in one world with read-only clients over HTTP, as the runner gives checks; `run` runs one check against it,
 * `load` replaces the world and the clients (the dbt client is bound to the world's project folder, as in a run).
 */
export async function checkHarness(world: string, worlds?: string) {
  const sandbox = await startSandbox({ world, ...(worlds ? { worldsDir: worlds } : {}) });
  let clients: ServiceClients = createServiceClients(sandboxTargets(sandbox, sandboxConfig), { readOnly: true });
  const load = async (name: string): Promise<void> => {
    await sandbox.loadWorld(name);
    await clients.close();
    clients = createServiceClients(sandboxTargets(sandbox, sandboxConfig), { readOnly: true });
  };
  /** Runs one check, with a memo of its own, in the sandbox environment or `env`, with `params`. */
  const run = (check: CheckDefinition, options: { env?: EnvironmentConfig; params?: Record<string, string> } = {}): Promise<CheckResult> => {
    if (check.kind !== 'check') throw new Error(`${check.id} is an action`);
    const signal = new AbortController().signal;
    const ctx: CheckContext = { environment: 'sandbox', config: options.env ?? sandboxConfig, clients, clock: { now: () => new Date() }, params: options.params ?? {}, signal, log: () => undefined, memo: createRunMemo().forCheck(signal) };
    return check.run(ctx);
  };
  return { sandbox, run, load, close: async () => (await clients.close(), await sandbox.stop()) };
}

/** The value of a result's evidence with that label. */
export const evidenceOf = (result: CheckResult, label: string): JsonValue | undefined => result.evidence.find((e) => e.label === label)?.value;

/** A temporary worlds folder: a copy of `healthy`, and each given world extending it with the given sections (merge patches). */
export function customWorlds(worlds: Record<string, Record<string, unknown>>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-worlds-'));
  cpSync(path.join(worldsDir, 'healthy'), path.join(dir, 'healthy'), { recursive: true });
  for (const [name, sections] of Object.entries(worlds)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'world.json'), JSON.stringify({ description: `test world ${name}`, extends: 'healthy' }));
    for (const [section, patch] of Object.entries(sections)) writeFileSync(path.join(dir, name, `${section}.json`), JSON.stringify(patch));
  }
  return dir;
}
