import { z } from 'zod';
import { builtOnce } from '../../util/built-once';
import type { LogLine } from './model';
import { parseWith } from './parse';
import { parseTupleListRepr, PythonReprError } from './python-repr';
import { isGroupMarker, parseTextLog } from './text-log';

const structuredMessage = () => z.record(z.string(), z.unknown());
const logResponse = builtOnce(() => z.object({ content: z.union([z.string(), z.array(z.union([z.string(), structuredMessage()]))]), continuation_token: z.string().nullish() }));

/** Airflow 2's `content`: the Python repr of `(host, text)` tuples; each tuple's text is a text log. Other text is read as a text log itself. */
function fromContentString(content: string): LogLine[] {
  if (!/^\s*\[\s*\(/.test(content)) return parseTextLog(content);
  try {
    return parseTupleListRepr(content).flatMap((tuple) => parseTextLog(tuple.slice(1).join('\n')));
  } catch (error) {
    if (error instanceof PythonReprError) return parseTextLog(content); // cut short or unusual: the raw text still reads
    throw error;
  }
}

/** `ValueError: order 88123 has no customer_id` for each exception of an Airflow 3 message's `error_detail`. */
function exceptionsOf(message: Record<string, unknown>): string[] {
  const details = Array.isArray(message.error_detail) ? message.error_detail : [];
  return details.flatMap((detail) => {
    if (!detail || typeof detail !== 'object') return [];
    const { exc_type: type, exc_value: value } = detail as Record<string, unknown>;
    return typeof type === 'string' ? [`${type}${typeof value === 'string' && value ? `: ${value}` : ''}`] : [];
  });
}

/** One Airflow 3 structured message (`StructuredLogMessage`: event, timestamp, level, logger, error_detail, …) as a record. */
export function fromStructuredMessage(message: Record<string, unknown>): LogLine | null {
  const event = typeof message.event === 'string' ? message.event : JSON.stringify(message);
  if (isGroupMarker(event)) return null;
  return {
    timestamp: typeof message.timestamp === 'string' ? message.timestamp : null,
    level: typeof message.level === 'string' ? message.level.toLowerCase() : null,
    text: [event, ...exceptionsOf(message)].join('\n'),
  };
}

/**
 * Parses a log response in every shape the API returns: Airflow 2's `content` string (a Python repr of
 * `(host, text)` tuples in single or double quotes, or plain text) and Airflow 3's list of structured
 * messages or strings. Each comes out as records with timestamp, level and text.
 */
export function parseLogContent(body: unknown): { lines: LogLine[]; continuationToken: string | null } {
  const parsed = parseWith(logResponse(), body, 'log');
  const token = parsed.continuation_token ?? null;
  if (typeof parsed.content === 'string') return { lines: fromContentString(parsed.content), continuationToken: token };
  const lines = parsed.content.flatMap((item) => (typeof item === 'string' ? parseTextLog(item) : [fromStructuredMessage(item)].filter((l): l is LogLine => l !== null)));
  return { lines, continuationToken: token };
}
