import type { CheckResult, ConsoleLink, ErrorResult, Evidence, FailResult, JsonValue, PassResult, SkipResult, WarnResult } from '../model';

/** Evidence and links that may accompany any verdict. */
export interface VerdictExtras {
  evidence?: Evidence[];
  links?: ConsoleLink[];
}

const body = (summary: string, extras: VerdictExtras = {}) => ({ summary, evidence: extras.evidence ?? [], links: extras.links ?? [] });

/** The step is healthy. */
export function pass(summary: string, extras?: VerdictExtras): PassResult {
  return { status: 'pass', ...body(summary, extras) };
}

/** The problem is here; `summary` says what is wrong. */
export function fail(summary: string, extras?: VerdictExtras & { reason?: string }): FailResult {
  return { status: 'fail', reason: extras?.reason ?? summary, ...body(summary, extras) };
}

/** Not broken, but worth a look. */
export function warn(summary: string, extras?: VerdictExtras & { reason?: string }): WarnResult {
  return { status: 'warn', reason: extras?.reason ?? summary, ...body(summary, extras) };
}

/** Not applicable here; `summary` says why. */
export function skip(summary: string, extras?: VerdictExtras & { reason?: string }): SkipResult {
  return { status: 'skip', reason: extras?.reason ?? summary, ...body(summary, extras) };
}

/** The check could not tell, because of `cause`. */
export function error(summary: string, cause: unknown, extras?: VerdictExtras): ErrorResult {
  return { status: 'error', error: serializeError(cause), ...body(summary, extras) };
}

/** One labelled piece of evidence. */
export function evidence(label: string, value: JsonValue): Evidence {
  return { label, value };
}

/** A console link. */
export function link(label: string, url: string): ConsoleLink {
  return { label, url };
}

/** An error as data: its name, message and the service's error code where the SDK gives one. */
export function serializeError(cause: unknown): ErrorResult['error'] {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return { name: cause.name, message: cause.message, ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}) };
  }
  return { name: 'Error', message: String(cause) };
}
