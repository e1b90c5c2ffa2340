import type { LogLine } from './model';

const errorText = /\b(Traceback|Exception|Error|ERROR|FAIL|Failure in|failed|exit(?:ed)? (?:with )?(?:return )?code [1-9]|return code [1-9]|non-zero)\b/;

/** True for a line that reports an error: an error level, or error words in an unlevelled or INFO line (dbt logs at INFO). */
export function isErrorLine(line: LogLine): boolean {
  if (line.level === 'error' || line.level === 'critical') return true;
  if (line.level === 'debug') return false;
  return errorText.test(line.text) && !/\bERROR=0\b/.test(line.text);
}

/** A bounded excerpt of a log: its error lines and its last lines. */
export interface LogExcerpt {
  errorLines: string[];
  tail: string[];
  totalLines: number;
}

const render = (line: LogLine) => `${line.timestamp ? `[${line.timestamp}] ` : ''}${line.level ? `${line.level.toUpperCase()} ` : ''}${line.text}`.slice(0, 500);

/** Picks the error lines (at most `maxErrors`) and the last `tailLines` lines, each line cut at 500 characters. */
export function logExcerpt(lines: LogLine[], maxErrors = 20, tailLines = 15): LogExcerpt {
  return {
    errorLines: lines.filter(isErrorLine).slice(0, maxErrors).map(render),
    tail: lines.slice(-tailLines).map(render),
    totalLines: lines.length,
  };
}
