import { formatPosition, type SourcePosition } from './position';

/** A problem found in the runbook's Markdown, positioned so an editor can jump to it. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** A stable rule name, such as `duplicate-id` or `missing-check`. */
  rule: string;
  message: string;
  position: SourcePosition;
  /** The related place, such as where a duplicated id was first defined. */
  related?: { message: string; position: SourcePosition };
}

/** Formats a diagnostic as `file:line:column: severity: message [rule]`, with its related place. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const head = `${formatPosition(diagnostic.position)}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.rule}]`;
  if (!diagnostic.related) return head;
  return `${head}\n  ${formatPosition(diagnostic.related.position)}: ${diagnostic.related.message}`;
}

/** Orders diagnostics by file, line and column, as editors list them. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.position.file.localeCompare(b.position.file) || a.position.line - b.position.line || a.position.column - b.position.column;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
