import { formatPosition, type Acknowledgement } from '../model';

/** One line that says who acknowledged a failure, until when, why, and where that is written. */
export function acknowledgementLine(ack: Acknowledgement): string {
  return `acknowledged by ${ack.owner} until ${ack.expires}: ${ack.reason} (${formatPosition(ack.source)})`;
}
