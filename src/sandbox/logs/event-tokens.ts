import { InvalidTokenError } from '../aws-json/pagination';

/** A position in a log stream (the index of an event) and the direction a GetLogEvents token reads from it. */
export interface StreamPosition {
  direction: 'forward' | 'backward';
  index: number;
}

/** GetLogEvents' token for a position: `f/` or `b/`, 56 digits, `/s`, in the shape CloudWatch Logs issues. */
export function eventToken(direction: StreamPosition['direction'], index: number): string {
  return `${direction === 'forward' ? 'f' : 'b'}/${String(index).padStart(56, '0')}/s`;
}

/** The position a GetLogEvents token names; InvalidTokenError for one this sandbox did not issue or past the stream's end. */
export function readEventToken(token: string, streamLength: number): StreamPosition {
  const match = /^([fb])\/(\d{56})\/s$/.exec(token);
  const index = match ? Number(match[2]) : NaN;
  if (!match || !Number.isSafeInteger(index) || index > streamLength) throw new InvalidTokenError(token);
  return { direction: match[1] === 'f' ? 'forward' : 'backward', index };
}
