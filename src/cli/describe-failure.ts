import { CheckModuleError } from '../catalog/load-check';
import { ConfigError } from '../config';
import { SandboxUnreachableError } from '../runner/announced';
import { SelectionError } from '../runner/select';
import { UnknownEnvironmentError, WorldOutsideSandboxError } from '../runner/environment';
import { WorldError } from '../sandbox/world/load-world';
import { OutputFileError } from './output-files';
import { ParamError } from './params';

const requestErrors = [ConfigError, SelectionError, UnknownEnvironmentError, WorldOutsideSandboxError, WorldError, ParamError, CheckModuleError, OutputFileError, SandboxUnreachableError];

/** The message for a failure that ended the command: a bad request gets its own words, anything else its stack. */
export function describeFailure(error: unknown): string {
  if (requestErrors.some((kind) => error instanceof kind)) return (error as Error).message;
  return error instanceof Error ? `Unexpected failure: ${error.stack ?? error.message}` : `Unexpected failure: ${String(error)}`;
}
