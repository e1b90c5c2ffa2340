import { defineCheck, evidence, fail, pass, skip, warn } from '../../src/check-api';
import { eachFailedRun, jobRunParams } from '../../src/diagnostics/glue/each-failed-run';
import { sampleRunInput } from '../../src/diagnostics/glue/run-input-sample';
import { sampleCostEvidence, sampleCoverage } from '../../src/diagnostics/reviews/sample-input';
import { scanSample } from '../../src/diagnostics/reviews/scan-sample';
import { s3ConsoleUrl } from '../../src/diagnostics/s3/s3-url';

const shownCorruptLines = 20;

/** 3.1.3: a bounded sample of the failed run's raw input parses as JSON lines; corrupt lines are named by object key and line. */
export default defineCheck({
  id: 'input-data-format',
  title: "The failed run's raw input is valid JSON lines",
  establishes: "Every line of a bounded sample of the failed run's raw input (newest objects, ranged reads) parses as a JSON object.",
  kind: 'check',
  uses: ['glue:GetJobRuns', 'glue:GetJob', 's3:ListObjectsV2', 's3:GetObject'],
  params: jobRunParams,
  run: (ctx) =>
    eachFailedRun(ctx, async ({ run, jobName, pipeline, region, consoleLink }) => {
      const found = await sampleRunInput(ctx, run, jobName, pipeline);
      if (found.kind === 'no-input-argument') return skip(`run ${run.Id} has none of the input arguments ${found.looked.join(', ')} (pipeline.inputPathArguments)`, { links: [consoleLink] });
      if (found.kind === 'not-s3') return skip(`the run's ${found.argument} is not an S3 URL: ${found.value}`, { links: [consoleLink] });
      if (found.kind === 'no-bucket') return fail(`the run's input bucket ${found.bucket} does not exist`, { links: [consoleLink] });
      const { sample } = found;
      const scan = scanSample(sample);
      const links = [consoleLink, { label: `S3 ${sample.location.bucket}/${sample.location.prefix}`, url: s3ConsoleUrl(sample.location, region) }];
      const seen = [
        evidence('sample', sampleCostEvidence(sample)),
        evidence('objects read', sample.objects.map((o) => ({ key: o.key, size: o.size, bytesRead: o.bytesRead, cutShort: o.cutShort }))),
        evidence('lines checked', scan.linesChecked),
      ];
      if (sample.objectsListed === 0) return fail(`the run's input s3://${sample.location.bucket}/${sample.location.prefix} holds no objects`, { evidence: seen, links });
      if (scan.corrupt.length > 0) {
        seen.push(evidence('corrupt lines', scan.corrupt.slice(0, shownCorruptLines).map((c) => ({ key: c.key, line: c.line, reason: c.reason, excerpt: c.excerpt }))));
        const first = scan.corrupt[0]!;
        return fail(`${scan.corrupt.length} of ${scan.linesChecked} sampled lines are not valid JSON objects, first at s3://${sample.location.bucket}/${first.key} line ${first.line}: ${first.reason}`, { evidence: seen, links });
      }
      if (scan.linesChecked === 0) return warn('the sampled objects hold no complete line: raise rawInput.maxBytesPerObject', { evidence: seen, links });
      if (!sample.coverage.reachedNewest) {
        return warn(`the ${scan.linesChecked} sampled lines are JSON objects, but the sample may have missed the newest objects: ${sampleCoverage(sample)} (rawInput.maxObjectsListed, rawInput.partitionPattern)`, { evidence: seen, links });
      }
      return pass(`all ${scan.linesChecked} sampled lines from ${sample.objects.length} objects are JSON objects (${sampleCoverage(sample)})`, { evidence: seen, links });
    }),
});
