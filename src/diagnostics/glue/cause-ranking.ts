import type { SchemaComparison } from '../reviews/schema-check';
import type { Capacity } from './capacity';
import type { CauseId, SignatureHit } from './signatures';

/** The runbook's order of the 3.1 common causes. */
export const causeOrder: readonly CauseId[] = ['schema-mismatch', 'corrupt-json', 'memory'];

/** The runbook's words for each cause. */
export const causeTitles: Record<CauseId, string> = { 'schema-mismatch': 'Schema mismatch', 'corrupt-json': 'Corrupt JSON', memory: 'Memory configuration too low' };

/** Each cause as it reads inside a sentence. */
export const causePhrases: Record<CauseId, string> = { 'schema-mismatch': 'a schema mismatch', 'corrupt-json': 'corrupt JSON', memory: 'a memory configuration too low' };

/** What is known about a failed run, for ranking: signatures in its logs and error, its input sample, its capacity. */
export interface CauseEvidence {
  signatures: SignatureHit[];
  corruptLines: number | null;
  linesChecked: number | null;
  schema: SchemaComparison | null;
  capacity: Capacity | null;
  /** Bytes listed under the input prefix, and whether the listing stopped at its cap (so the input is at least that). */
  input: { listedBytes: number; objects: number; truncated: boolean } | null;
}

/** One fact that supports a cause, and its weight. */
export interface Support {
  signal: string;
  detail: string;
  weight: number;
}

/** A cause with its score, rank and supporting facts. */
export interface RankedCause {
  cause: CauseId;
  title: string;
  score: number;
  rank: number;
  support: Support[];
}

/** Input per GB of worker memory above which memory is a plausible limit (Spark needs several times the data). */
export const bytesPerMemoryGbThreshold = 256 * 1024 * 1024;
/** So many input objects that listing them alone strains the driver (the small-files driver OOM). */
export const manySmallFiles = 50_000;

function supportFor(cause: CauseId, evidence: CauseEvidence): Support[] {
  const support: Support[] = [];
  for (const hit of evidence.signatures.filter((s) => s.cause === cause)) {
    support.push({ signal: `log signature ${hit.id}`, detail: `${hit.count}× e.g. ${hit.example}`, weight: hit.strength === 'strong' ? 3 : 1 });
  }
  if (cause === 'corrupt-json' && evidence.corruptLines) {
    support.push({ signal: 'corrupt lines in the input sample', detail: `${evidence.corruptLines} of ${evidence.linesChecked} lines do not parse as JSON objects`, weight: 4 });
  }
  if (cause === 'schema-mismatch' && evidence.schema) {
    const { missing, retyped, unexpected } = evidence.schema;
    if (missing.length) support.push({ signal: 'required fields missing in the sample', detail: missing.map((m) => m.field).join(', '), weight: 3 });
    if (retyped.length) support.push({ signal: 'fields with another type in the sample', detail: retyped.map((r) => `${r.field}: ${r.seen.join('|')} (expected ${r.expected})`).join(', '), weight: 3 });
    if (unexpected.length) support.push({ signal: 'fields the schema does not list', detail: unexpected.map((u) => u.field).join(', '), weight: 1 });
  }
  if (cause === 'memory' && evidence.capacity) {
    // Size and file count only corroborate a memory signature: on their own they are context, not support.
    const corroborates = support.length > 0 ? 1 : 0;
    for (const problem of evidence.capacity.problems) support.push({ signal: 'capacity setting', detail: problem, weight: 1 });
    const memory = evidence.capacity.totalMemoryGb;
    if (memory && evidence.input && evidence.input.listedBytes / memory > bytesPerMemoryGbThreshold) {
      support.push({ signal: 'input size against memory', detail: `${evidence.input.truncated ? 'at least ' : ''}${evidence.input.listedBytes} bytes for ${memory} GB of workers`, weight: corroborates });
    }
    if (evidence.input && (evidence.input.objects >= manySmallFiles || evidence.input.truncated)) {
      support.push({ signal: 'many input objects', detail: `${evidence.input.truncated ? 'more than ' : ''}${evidence.input.objects} objects under the input prefix: the driver lists and plans every one`, weight: corroborates });
    }
  }
  return support;
}

/** The least score that counts as real support: one strong fact (a signature that names the cause, or the sample). */
export const supportedScore = 3;

/** Ranks the three causes by the weight of the facts that support them; ties keep the runbook's order. */
export function rankCauses(evidence: CauseEvidence): RankedCause[] {
  const scored = causeOrder.map((cause) => {
    const support = supportFor(cause, evidence);
    return { cause, title: causeTitles[cause], score: support.reduce((sum, s) => sum + s.weight, 0), rank: 0, support };
  });
  const ranked = [...scored].sort((a, b) => b.score - a.score || causeOrder.indexOf(a.cause) - causeOrder.indexOf(b.cause));
  ranked.forEach((entry, index) => (entry.rank = index + 1));
  return ranked;
}
