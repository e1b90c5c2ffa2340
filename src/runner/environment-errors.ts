/** An environment name that the configuration does not define; lists the ones it does. */
export class UnknownEnvironmentError extends Error {
  override name = 'UnknownEnvironmentError';
  constructor(readonly environment: string, readonly known: string[]) {
    super(`Unknown environment "${environment}", expected one of: ${known.join(', ')}`);
  }
}

/** A `--world` given for a real environment, or for a sandbox that already runs elsewhere with its own world. */
export class WorldOutsideSandboxError extends Error {
  override name = 'WorldOutsideSandboxError';
  constructor(readonly environment: string, readonly runningSandbox?: string) {
    super(
      runningSandbox
        ? `--world cannot change the sandbox already running at ${runningSandbox} (RUNBOOK_SANDBOX_URL): restart it with npm run sandbox -- --world NAME`
        : `--world applies to a sandbox environment only; "${environment}" is a real environment`,
    );
  }
}
