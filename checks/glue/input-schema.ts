import { defineCheck, evidence, fail, pass, skip, warn } from '../../src/check-api';
import { eachFailedRun, jobRunParams } from '../../src/diagnostics/glue/each-failed-run';
import { rawInputSettings, sampleRunInput } from '../../src/diagnostics/glue/run-input-sample';
import { sampleCostEvidence, sampleCoverage } from '../../src/diagnostics/reviews/sample-input';
import { scanSample } from '../../src/diagnostics/reviews/scan-sample';
import { breaksSchema, compareWithSchema } from '../../src/diagnostics/reviews/schema-check';
import { resolveReviewSchema } from '../../src/diagnostics/reviews/schemas';

/** 3.1.4: the sampled records of the failed run's input match the expected review schema. */
export default defineCheck({
  id: 'input-schema',
  title: "The failed run's records match the expected review schema",
  establishes: 'Every sampled record has the required fields of the configured review schema with their types, and no fields the schema does not list.',
  kind: 'check',
  uses: ['glue:GetJobRuns', 'glue:GetJob', 's3:ListObjectsV2', 's3:GetObject'],
  params: jobRunParams,
  run: (ctx) =>
    eachFailedRun(ctx, async ({ run, jobName, pipeline, consoleLink }) => {
      const schema = resolveReviewSchema(rawInputSettings(ctx).schema);
      const found = await sampleRunInput(ctx, run, jobName, pipeline);
      if (found.kind === 'no-input-argument') return skip(`run ${run.Id} has none of the input arguments ${found.looked.join(', ')} (pipeline.inputPathArguments)`, { links: [consoleLink] });
      if (found.kind === 'not-s3') return skip(`the run's ${found.argument} is not an S3 URL: ${found.value}`, { links: [consoleLink] });
      if (found.kind === 'no-bucket') return skip(`the run's input bucket ${found.bucket} does not exist: see 3.1.3`, { links: [consoleLink] });
      const scan = scanSample(found.sample);
      const comparison = compareWithSchema(scan.records, schema);
      const seen = [
        evidence('schema', schema.name),
        evidence('records checked', comparison.recordsChecked),
        evidence('missing fields', comparison.missing.map((m) => ({ ...m, first: { ...m.first } }))),
        evidence('unexpected fields', comparison.unexpected.map((u) => ({ ...u, first: { ...u.first } }))),
        evidence('retyped fields', comparison.retyped.map((r) => ({ ...r, first: { ...r.first } }))),
        evidence('sample', sampleCostEvidence(found.sample)),
      ];
      const links = [consoleLink];
      if (comparison.recordsChecked === 0) return skip('no record in the sample parsed: see 3.1.3', { evidence: seen, links });
      if (breaksSchema(comparison)) {
        const parts = [
          comparison.missing.length ? `missing ${comparison.missing.map((m) => `${m.field} (${m.records}/${comparison.recordsChecked})`).join(', ')}` : '',
          comparison.retyped.length ? `retyped ${comparison.retyped.map((r) => `${r.field}: ${r.seen.join('|')} not ${r.expected}`).join(', ')}` : '',
          comparison.unexpected.length ? `unexpected ${comparison.unexpected.map((u) => u.field).join(', ')}` : '',
        ].filter(Boolean);
        return fail(`sampled records do not match ${schema.name}: ${parts.join('; ')}`, { evidence: seen, links });
      }
      if (comparison.unexpected.length) {
        return warn(`sampled records carry fields ${schema.name} does not list: ${comparison.unexpected.map((u) => u.field).join(', ')}`, { evidence: seen, links });
      }
      if (!found.sample.coverage.reachedNewest) {
        return warn(`the ${comparison.recordsChecked} sampled records match ${schema.name}, but the sample may have missed the newest objects: ${sampleCoverage(found.sample)} (rawInput.maxObjectsListed, rawInput.partitionPattern)`, { evidence: seen, links });
      }
      return pass(`all ${comparison.recordsChecked} sampled records match ${schema.name} (${sampleCoverage(found.sample)})`, { evidence: seen, links });
    }),
});
