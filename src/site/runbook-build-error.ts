import { formatDiagnostic, type Diagnostic } from '../model';

/** Fails the site build: the runbook has errors the CLI would also report, each named by file:line:column. */
export class RunbookBuildError extends Error {
  override name = 'RunbookBuildError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const count = diagnostics.length === 1 ? '1 error' : `${diagnostics.length} errors`;
    super(`Runbook has ${count}:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  }
}
