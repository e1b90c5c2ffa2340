/** A place in a source file: 1-based line and column, as editors and remark report them. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** Formats a position as `file:line:column`, the form editors and terminals can jump to. */
export function formatPosition(position: SourcePosition): string {
  return `${position.file}:${position.line}:${position.column}`;
}
