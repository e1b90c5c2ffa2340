/** The runbook's common causes of a Glue job failure, plus what the ranking does not cover. */
export type CauseId = 'schema-mismatch' | 'corrupt-json' | 'memory';

/** A known error signature: what it means, and how to recognise it in a log line or error message. */
export interface Signature {
  id: string;
  /** The cause it points at, or null when it is known but not one of the runbook's causes. */
  cause: CauseId | null;
  /** How strongly it points at the cause: `strong` names it, `weak` only suggests it. */
  strength: 'strong' | 'weak';
  pattern: RegExp;
}

/** Signatures of Spark, PySpark and Glue failures, from the Glue and Spark documentation and real logs. */
export const signatures: readonly Signature[] = [
  { id: 'java-oom', cause: 'memory', strength: 'strong', pattern: /java\.lang\.OutOfMemoryError/ },
  { id: 'yarn-memory-limit', cause: 'memory', strength: 'strong', pattern: /Container killed by YARN for exceeding memory limits/ },
  { id: 'gc-overhead', cause: 'memory', strength: 'strong', pattern: /GC overhead limit exceeded/ },
  { id: 'python-memory-error', cause: 'memory', strength: 'strong', pattern: /\bMemoryError\b/ },
  { id: 'exit-code-137', cause: 'memory', strength: 'weak', pattern: /exit(?:ed)? (?:with )?(?:code|status) 137\b/i },
  { id: 'command-failed-exit-1', cause: 'memory', strength: 'weak', pattern: /Command Failed with Exit Code 1\b/ },
  { id: 'malformed-records', cause: 'corrupt-json', strength: 'strong', pattern: /Malformed records are detected in record parsing/ },
  { id: 'json-parse-exception', cause: 'corrupt-json', strength: 'strong', pattern: /JsonParseException|JsonEOFException|JSONDecodeError/ },
  { id: 'corrupt-record-column', cause: 'corrupt-json', strength: 'weak', pattern: /_corrupt_record/ },
  { id: 'unresolved-column', cause: 'schema-mismatch', strength: 'strong', pattern: /UNRESOLVED_COLUMN|cannot resolve '[^']*' given input columns|Column '[^']*' does not exist/ },
  { id: 'analysis-exception', cause: 'schema-mismatch', strength: 'weak', pattern: /AnalysisException/ },
  { id: 'column-type-mismatch', cause: 'schema-mismatch', strength: 'strong', pattern: /SchemaColumnConvertNotSupportedException|CANNOT_UP_CAST_DATATYPE|cannot be cast to/ },
  { id: 's3-access-denied', cause: null, strength: 'strong', pattern: /Access Denied \(Service: Amazon S3|Error Code: AccessDenied/ },
  { id: 'script-not-found', cause: null, strength: 'strong', pattern: /NoSuchKey|Failed to (?:download|read) script/ },
];

/** A signature found, how often, and the first line that showed it. */
export interface SignatureHit {
  id: string;
  cause: CauseId | null;
  strength: 'strong' | 'weak';
  count: number;
  example: string;
}

/** Counts the known signatures in a set of lines. */
export function findSignatures(lines: readonly string[]): SignatureHit[] {
  const hits = new Map<string, SignatureHit>();
  for (const line of lines) {
    for (const signature of signatures) {
      if (!signature.pattern.test(line)) continue;
      const hit = hits.get(signature.id) ?? { id: signature.id, cause: signature.cause, strength: signature.strength, count: 0, example: line.length > 240 ? `${line.slice(0, 237)}...` : line };
      hit.count++;
      hits.set(signature.id, hit);
    }
  }
  return [...hits.values()];
}
