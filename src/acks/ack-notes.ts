import { formatPosition } from '../model';
import type { AcknowledgementEntry } from './load-acks';

/** The warning for an entry past its expiry, positioned at the entry. */
export function expiredNote(entry: AcknowledgementEntry): string {
  return `${formatPosition(entry.source)}: warning: the acknowledgement of ${entry.step} (owner ${entry.owner}) expired ${entry.expires.toISOString()}: the step fails again; fix it, or renew the entry after review`;
}

/** The note for an entry in force whose step did not fail. */
export function unusedNote(entry: AcknowledgementEntry): string {
  return `${formatPosition(entry.source)}: note: ${entry.step} is acknowledged but did not fail: the entry may go`;
}
