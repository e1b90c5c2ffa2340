import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import projectConfig from '../../runbook.config';
import { createServiceClients, type ServiceClients } from '../../src/clients';
import { validateConfig } from '../../src/config';
import type { RunReport } from '../../src/model';
import { defaultLayout, loadRunbook } from '../../src/parser/load';
import { sandboxTargets } from '../../src/runner/environment';
import { runSteps, type RunRequest } from '../../src/runner/run';
import { auditLogPath } from '../../src/reporters/locations';
import { selectSteps } from '../../src/runner/select';
import type { Sandbox } from '../../src/sandbox/sandbox';
import type { RepairCall } from '../../src/sandbox/world/load-world';
import { root } from './project';

const config = validateConfig(projectConfig);

/** The SDK package of each AWS service a repair may call. */
const sdkPackages = {
  s3: '@aws-sdk/client-s3',
  dynamodb: '@aws-sdk/client-dynamodb',
  glue: '@aws-sdk/client-glue',
  iam: '@aws-sdk/client-iam',
  sfn: '@aws-sdk/client-sfn',
  logs: '@aws-sdk/client-cloudwatch-logs',
} as const;

/**
 * A drill on one running sandbox, as an engineer runs it with `npm run sandbox` and RUNBOOK_SANDBOX_URL: runs of the
 * real runbook's steps against it (actions with --fix), and repairs through the services' own APIs.
 */
export interface Drill {
  /** Runs steps; `confirm` is asked before each action applies under `fix` (the CLI's prompt), with its preview. */
  run(selection: string[], options?: { fix?: boolean; confirm?: RunRequest['confirm'] }): Promise<RunReport>;
  /** The drill's audit log (`.runbook/audit.jsonl` of its run root), as text; empty when nothing was audited. */
  auditText(): string;
  repair(calls: readonly RepairCall[]): Promise<void>;
  close(): void;
}

/** Opens a drill on a sandbox; its audit log goes to a temporary run root of its own. */
export function openDrill(sandbox: Sandbox, loadModule: ((file: string) => Promise<unknown>) | null = (file) => import(file)): Drill {
  const runRoot = mkdtempSync(path.join(os.tmpdir(), 'runbook-drill-'));
  symlinkSync(path.join(root, 'checks'), path.join(runRoot, 'checks'), 'dir');
  let clients: ServiceClients | undefined;
  return {
    async run(selection, options = {}) {
      const { runbook } = await loadRunbook(defaultLayout(root));
      const steps = selectSteps(runbook, selection);
      return runSteps({ root: runRoot, config, steps, scenarios: [], selection, environment: 'sandbox', sandboxUrl: sandbox.url, fix: options.fix ?? false, ...(options.confirm ? { confirm: options.confirm } : {}), ...(loadModule ? { loadModule } : {}) });
    },
    auditText() {
      return existsSync(path.join(runRoot, auditLogPath)) ? readFileSync(path.join(runRoot, auditLogPath), 'utf8') : '';
    },
    async repair(calls) {
      for (const call of calls) {
        if (call.service === 'dbt') {
          const file = path.join(sandbox.environment().DBT_PROJECT_DIR!, String(call.input.path));
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, String(call.input.text));
          continue;
        }
        clients ??= createServiceClients(sandboxTargets(sandbox, config.environments.sandbox!), { readOnly: false });
        const sdk = (await import(sdkPackages[call.service])) as unknown as Record<string, new (input: unknown) => never>;
        const Command = sdk[`${call.operation}Command`];
        if (!Command) throw new Error(`${sdkPackages[call.service]} has no ${call.operation}Command`);
        await (clients[call.service]() as { send(command: never): Promise<unknown> }).send(new Command(call.input));
      }
    },
    close() {
      void clients?.close();
      rmSync(runRoot, { recursive: true, force: true });
    },
  };
}
