import type { RunbookConfig } from '../../src/config';
import type { FaultSpec } from '../../src/sandbox/faults/schema';

/** A class of fault the matrix applies to every service at once, and the verdict it owes: the world's own after a retry, or `error`. */
export interface FaultClass {
  name: string;
  /** `transient`: each call's first attempt is hit, its retry answered, so every check gives the world's own verdict. */
  kind: 'transient' | 'lasting';
  faults: FaultSpec[];
  /** For lasting faults: what every error summary must say besides the service and operation. */
  says?: RegExp;
  /** Settings the class runs with (short timeouts for a hang). */
  config?: (config: RunbookConfig) => RunbookConfig;
}

/** The configuration with every service's call timeout at `ms`, so that a hang is seen quickly. */
function shortTimeouts(ms: number) {
  return (config: RunbookConfig): RunbookConfig => {
    const sandbox = config.environments.sandbox!;
    const timeouts = { ...sandbox, aws: { ...sandbox.aws!, timeoutMs: ms }, snowflake: { ...sandbox.snowflake!, timeoutMs: ms }, ...(sandbox.airflow ? { airflow: { ...sandbox.airflow, timeoutMs: ms } } : {}), ...(sandbox.github ? { github: { ...sandbox.github, timeoutMs: ms } } : {}) };
    return { ...config, environments: { ...config.environments, sandbox: timeouts } };
  };
}

const firstAttempt = (effect: FaultSpec['effect']): FaultSpec[] => [{ times: 1, per: 'call', effect }];
const everyCall = (effect: FaultSpec['effect']): FaultSpec[] => [{ effect }];

/** The fault classes of the matrix: transient ones a retry gets past, and lasting ones that must end in `error`, never a verdict. */
export const faultClasses: FaultClass[] = [
  { name: 'throttling (each protocol’s own form)', kind: 'transient', faults: firstAttempt({ kind: 'throttle' }) },
  { name: 'throttling, the other form (GitHub 429 with retry-after, Snowflake 503)', kind: 'transient', faults: [{ service: 'github', times: 1, per: 'call', effect: { kind: 'throttle', status: 429 } }, { service: 'snowflake', times: 1, per: 'call', effect: { kind: 'throttle', status: 503 } }, ...firstAttempt({ kind: 'throttle' })] },
  { name: 'HTTP 500 once', kind: 'transient', faults: firstAttempt({ kind: 'status', status: 500 }) },
  { name: 'HTTP 503 once', kind: 'transient', faults: firstAttempt({ kind: 'status', status: 503 }) },
  { name: 'connection reset once', kind: 'transient', faults: firstAttempt({ kind: 'reset' }) },
  { name: 'body cut short once', kind: 'transient', faults: firstAttempt({ kind: 'truncated-body' }) },
  { name: 'latency 30 ms on every call', kind: 'transient', faults: everyCall({ kind: 'latency', ms: 30 }) },
  { name: 'expired credentials', kind: 'lasting', faults: everyCall({ kind: 'expired-credentials' }), says: /aws sso login|SNOWFLAKE_PASSWORD|SNOWFLAKE_PRIVATE_KEY_PATH|AIRFLOW_TOKEN|GITHUB_TOKEN/ },
  { name: 'malformed body', kind: 'lasting', faults: everyCall({ kind: 'malformed-body' }) },
  { name: 'HTML sign-in page', kind: 'lasting', faults: everyCall({ kind: 'html-page' }) },
  { name: 'empty 200', kind: 'lasting', faults: everyCall({ kind: 'empty-body' }) },
  { name: 'HTTP 500 on every call', kind: 'lasting', faults: everyCall({ kind: 'status', status: 500 }) },
  { name: 'throttling on every call', kind: 'lasting', faults: everyCall({ kind: 'throttle' }) },
  { name: 'every service hangs (1 s call timeouts)', kind: 'lasting', faults: everyCall({ kind: 'hang' }), says: /did not answer|no answer/, config: shortTimeouts(1_000) },
];
