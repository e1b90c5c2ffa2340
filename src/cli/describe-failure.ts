import { CheckModuleError } from '../catalog/load-check';
import { ConfigError } from '../config';
import { SandboxUnreachableError } from '../runner/announced';
import { SelectionError } from '../runner/select';
import { UnknownEnvironmentError, WorldOutsideSandboxError } from '../runner/environment-errors';
import { WorldError } from '../sandbox/world/load-world';
import { CallerPolicyError } from '../sandbox/authorization/caller-policy';
import { AcknowledgementsFileError } from '../acks/load-acks';
import { ReporterOptionError } from './output-plan';
import { OutputFileError } from './output-files';
import { ParamError } from './params';
import { UsageError } from './usage-error';

const requestErrors = [ConfigError, SelectionError, UnknownEnvironmentError, WorldOutsideSandboxError, WorldError, CallerPolicyError, ParamError, CheckModuleError, AcknowledgementsFileError, ReporterOptionError, UsageError, OutputFileError, SandboxUnreachableError];

/** The message for a failure that ended the command: a bad request gets its own words, anything else its stack. */
export function describeFailure(error: unknown): string {
  if (requestErrors.some((kind) => error instanceof kind)) return (error as Error).message;
  return error instanceof Error ? `Unexpected failure: ${error.stack ?? error.message}` : `Unexpected failure: ${String(error)}`;
}
