import { describe, expect, it } from 'vitest';
import { hasRealArtifacts, readReal, realArtifactsSkipMessage } from '../stepfunctions/real-artifacts.test-support';
import { scanJsonLines } from './json-lines';
import { breaksSchema, compareWithSchema } from './schema-check';
import { resolveReviewSchema, reviewSchemas } from './schemas';

const recordsOf = (text: string, key = 'sample.jsonl') => scanJsonLines(text, false).records.map(({ line, record }) => ({ place: { key, line }, record }));

describe.skipIf(!hasRealArtifacts)(`real Amazon review samples (${hasRealArtifacts ? 'McAuley 2014 and 2018' : realArtifactsSkipMessage})`, () => {
  // The describe body runs even when skipped: read only when the artifacts are there.
  const v2014 = hasRealArtifacts ? readReal('amazon_reviews/mcauley2014_reviews_Musical_Instruments_5_sample50.jsonl') : '';
  const v2018 = hasRealArtifacts ? readReal('amazon_reviews/mcauley2018_AMAZON_FASHION_5_sample200.jsonl') : '';

  it('parse as JSON lines with no corrupt line', () => {
    expect(scanJsonLines(v2014, false)).toMatchObject({ lines: 50, corrupt: [] });
    expect(scanJsonLines(v2018, false)).toMatchObject({ lines: 200, corrupt: [] });
  });

  it('match their own format: 2018 vote as a string and missing reviewText are allowed', () => {
    expect(compareWithSchema(recordsOf(v2014), reviewSchemas['mcauley-2014'])).toMatchObject({ recordsChecked: 50, missing: [], unexpected: [], retyped: [] });
    expect(compareWithSchema(recordsOf(v2018), reviewSchemas['mcauley-2018'])).toMatchObject({ recordsChecked: 200, missing: [], unexpected: [], retyped: [] });
  });

  it('show the drift when 2018 records meet the 2014 schema: no helpful array, new verified and style fields', () => {
    const comparison = compareWithSchema(recordsOf(v2018), reviewSchemas['mcauley-2014']);
    expect(comparison.missing.map((m) => m.field)).toContain('helpful');
    expect(comparison.unexpected.map((u) => u.field)).toEqual(expect.arrayContaining(['verified', 'style']));
    expect(breaksSchema(comparison)).toBe(true);
  });

  it('show every field missing and unexpected when 2014 records meet the 2023 schema', () => {
    const comparison = compareWithSchema(recordsOf(v2014), reviewSchemas['mcauley-2023']);
    expect(comparison.missing.map((m) => m.field)).toEqual(['rating', 'title', 'text', 'images', 'parent_asin', 'user_id', 'timestamp', 'helpful_vote', 'verified_purchase']);
    expect(comparison.missing[0]!.first).toEqual({ key: 'sample.jsonl', line: 1 });
  });

  it('leave the unfinished last line of a ranged read out instead of calling it corrupt', () => {
    const prefix = v2018.slice(0, 1000);
    const scan = scanJsonLines(prefix, true);
    expect(scan.corrupt).toEqual([]);
    expect(scan.partialLastLine).toBe(true);
    expect(scanJsonLines(prefix, false).corrupt).toHaveLength(1);
  });
});

describe('JSON lines and schema comparison', () => {
  it('names each corrupt line by number with the reason, and rejects lines that are not objects', () => {
    const scan = scanJsonLines('{"a":1}\n\n{"a":\n[1,2]\n{"a":2}{"a":3}\n', false);
    expect(scan.lines).toBe(4);
    expect(scan.corrupt.map((c) => c.line)).toEqual([3, 4, 5]);
    expect(scan.corrupt[1]!.reason).toBe('a JSON array, expected an object');
  });

  it('reports retyped fields with the types seen, and resolves a custom schema as written', () => {
    const schema = resolveReviewSchema({ name: 'custom', fields: { id: { type: 'string', required: true }, score: { type: 'integer', required: false } } });
    const comparison = compareWithSchema(recordsOf('{"id":"a","score":1.5}\n{"id":7}\n'), schema);
    expect(comparison.retyped).toEqual([
      { field: 'score', expected: 'integer', seen: ['number'], records: 1, first: { key: 'sample.jsonl', line: 1 } },
      { field: 'id', expected: 'string', seen: ['integer'], records: 1, first: { key: 'sample.jsonl', line: 2 } },
    ]);
  });
});
