import { stripAnsi } from '../strip-ansi';
import type { LogLine } from './model';

/**
 * `[2026-01-01T00:00:00.000+0000] {file.py:93} ERROR - text` as Airflow 2 writes it, with the other stamps
 * its log formats produce (`[2021-01-01 00:00:00,000]`, `[2024-01-01, 00:00:00 UTC]`); `{file}` is optional.
 */
const textLine = /^\[(\d{4}-\d\d-\d\d(?:[T ]|, )[\d:.,]+(?:\s?(?:[+-]\d{2}:?\d{2}|Z|UTC))?)\]\s+(?:\{[^}]*\}\s+)?(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)\s+-\s?(.*)$/;

/** True for the `::group::…` / `::endgroup::` markers Airflow puts around its own messages: no content. */
export function isGroupMarker(text: string): boolean {
  return text.startsWith('::group::') || text === '::endgroup::';
}

/**
 * Splits a text log into records with timestamp, level and text, without terminal colours. A line without
 * the `[ts] {file} LEVEL - ` prefix continues the record above it (a traceback, a multi-line dbt error),
 * as structured events do; before the first prefixed line, each line is a record of its own.
 */
export function parseTextLog(text: string): LogLine[] {
  const records: LogLine[] = [];
  let previous: LogLine | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = stripAnsi(raw);
    if (line.length === 0) continue;
    const match = textLine.exec(line);
    if (match) {
      previous = isGroupMarker(match[3]!) ? null : { timestamp: match[1]!, level: match[2]!.toLowerCase(), text: match[3]! };
      if (previous) records.push(previous);
    } else if (isGroupMarker(line)) {
      previous = null;
    } else if (previous) {
      previous.text += `\n${line}`;
    } else {
      records.push({ timestamp: null, level: null, text: line });
    }
  }
  return records;
}
