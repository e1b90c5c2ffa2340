import { describe, expect, it } from 'vitest';
import { hasRealArtifacts, readReal, realArtifactsSkipMessage } from '../stepfunctions/real-artifacts.test-support';
import { countExceptionClasses } from './exception-classes';
import { findSignatures } from './signatures';

describe.skipIf(!hasRealArtifacts)(`OOM signatures in the Glue documentation's own strings (${hasRealArtifacts ? 'awsdocs excerpt' : realArtifactsSkipMessage})`, () => {
  // The describe body runs even when skipped: read only when the artifacts are there.
  const lines = hasRealArtifacts ? readReal('glue/awsdocs_glue_oom_error_strings.txt').split('\n') : [];

  it('recognises the executor OOM lines YARN writes, and the driver OOM error message as a weak hint', () => {
    const hits = findSignatures(lines);
    expect(hits.find((h) => h.id === 'yarn-memory-limit')).toMatchObject({ cause: 'memory', strength: 'strong', count: 16 });
    expect(hits.find((h) => h.id === 'command-failed-exit-1')).toMatchObject({ cause: 'memory', strength: 'weak' });
    expect(hits.filter((h) => h.cause !== 'memory')).toEqual([]);
  });
});

describe('known failure signatures and exception classes', () => {
  it('tell corrupt JSON, schema mismatches and memory apart', () => {
    const hits = findSignatures([
      'org.apache.spark.SparkException: Malformed records are detected in record parsing. Parse Mode: FAILFAST.',
      'Caused by: com.fasterxml.jackson.core.JsonParseException: Unexpected character',
      "pyspark.errors.exceptions.captured.AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `reviewText` cannot be resolved.",
      'java.lang.OutOfMemoryError: Java heap space',
    ]);
    expect(hits.map((h) => `${h.id}:${h.cause}`)).toEqual([
      'malformed-records:corrupt-json',
      'json-parse-exception:corrupt-json',
      'unresolved-column:schema-mismatch',
      'analysis-exception:schema-mismatch',
      'java-oom:memory',
    ]);
  });

  it('counts Java and Python exception classes once per line, most frequent first', () => {
    expect(
      countExceptionClasses([
        'ERROR x: java.lang.OutOfMemoryError: Java heap space',
        'User class threw exception: java.lang.OutOfMemoryError: Java heap space',
        'pyspark.errors.exceptions.captured.AnalysisException: bad column',
        'ValueError: invalid literal',
      ]),
    ).toEqual([
      { name: 'java.lang.OutOfMemoryError', count: 2 },
      { name: 'pyspark.errors.exceptions.captured.AnalysisException', count: 1 },
      { name: 'ValueError', count: 1 },
    ]);
  });
});
