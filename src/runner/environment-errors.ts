/** An environment name that the configuration does not define; lists the ones it does. */
export class UnknownEnvironmentError extends Error {
  override name = 'UnknownEnvironmentError';
  constructor(readonly environment: string, readonly known: string[]) {
    super(`Unknown environment "${environment}", expected one of: ${known.join(', ')}`);
  }
}

/** How `npm run sandbox` takes each setting of the sandbox a run starts, for the message that says where to give it instead. */
const sandboxFlags = { '--world': '--world NAME', '--sandbox-caller-policy': '--caller-policy FILE' } as const;

/**
 * A setting of the sandbox a run starts (`--world`, `--sandbox-caller-policy`) given for a real environment, or for a
 * sandbox that already runs elsewhere with its own.
 */
export class WorldOutsideSandboxError extends Error {
  override name = 'WorldOutsideSandboxError';
  constructor(readonly environment: string, readonly runningSandbox?: string, readonly flag: keyof typeof sandboxFlags = '--world') {
    super(
      runningSandbox
        ? `${flag} cannot change the sandbox already running at ${runningSandbox} (RUNBOOK_SANDBOX_URL): restart it with npm run sandbox -- ${sandboxFlags[flag]}`
        : `${flag} applies to a sandbox environment only; "${environment}" is a real environment`,
    );
  }
}
