import type { SourcePosition } from './position';

/** A JSON value: what evidence may hold, so every report format can carry it unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One piece of evidence: what was seen, labelled, as data rather than prose. */
export interface Evidence {
  label: string;
  value: JsonValue;
}

/** A link a responder can open: a console page, a log stream, a run. */
export interface ConsoleLink {
  label: string;
  url: string;
}

/** True for links a report may make clickable: http(s) only, never `javascript:` or `data:`. */
export function isWebLink(link: ConsoleLink): boolean {
  return /^https?:\/\//i.test(link.url);
}

/** What a check or action reports, beyond its status. */
interface ResultBody {
  summary: string;
  evidence: Evidence[];
  links: ConsoleLink[];
}

/** The system is healthy at this step. */
export interface PassResult extends ResultBody {
  status: 'pass';
}
/** The problem is here: the system is wrong, and the evidence shows how. */
export interface FailResult extends ResultBody {
  status: 'fail';
  reason: string;
}
/** Not broken, but worth a look. */
export interface WarnResult extends ResultBody {
  status: 'warn';
  reason: string;
}
/** Not applicable here (or an action not asked for): says why. */
export interface SkipResult extends ResultBody {
  status: 'skip';
  reason: string;
}
/** The check could not tell: credentials, timeout, throttling, a bug. Never merged with `fail`. */
export interface ErrorResult extends ResultBody {
  status: 'error';
  error: SerializedError;
}

/** Who acknowledged a known failure, why, and until when: an entry of the reviewed acknowledgements file. */
export interface Acknowledgement {
  reason: string;
  owner: string;
  /** When it lapses, as an ISO timestamp: from then on the step fails again. */
  expires: string;
  /** Where the entry is written (`runbook.acks.yaml:4:5`). */
  source: SourcePosition;
}

/** A known failure the team acknowledged until it expires: never a pass, and not counted as a failure. */
export interface AcknowledgedResult extends ResultBody {
  status: 'acknowledged';
  /** Why the check failed: the failure's own reason. */
  reason: string;
  acknowledgement: Acknowledgement;
}

/** An error as data: its class name, message and, where known, the service's error code. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

/** The verdict of one check run. */
export type CheckResult = PassResult | FailResult | WarnResult | SkipResult | ErrorResult;

/** What a step reports: its check's verdict, or a failure the team acknowledged. */
export type StepResult = CheckResult | AcknowledgedResult;

/** The statuses a step can report, in order of how much they demand attention. */
export const statuses = ['fail', 'error', 'warn', 'acknowledged', 'skip', 'pass'] as const;

/** One of `pass`, `fail`, `warn`, `acknowledged`, `skip`, `error`. */
export type Status = StepResult['status'];
