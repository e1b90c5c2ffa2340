import type { JobRun } from '@aws-sdk/client-glue';
import type { CheckContext } from '../../check-api';
import type { PipelineConfig } from '../../config/areas/pipeline';
import { scanSample } from '../reviews/scan-sample';
import { compareWithSchema } from '../reviews/schema-check';
import { resolveReviewSchema } from '../reviews/schemas';
import { capacityOf } from './capacity';
import type { CauseEvidence } from './cause-ranking';
import { rawInputSettings, sampleRunInput } from './run-input-sample';
import { runErrorLines } from './run-logs';
import { findSignatures } from './signatures';

/** Gathers what ranks the causes of a failed run: signatures in its logs and error, its input sample against the schema, its capacity. */
export async function gatherCauseEvidence(ctx: CheckContext, run: JobRun, jobName: string, pipeline: PipelineConfig): Promise<CauseEvidence> {
  const logs = await runErrorLines(ctx, run, pipeline);
  const signatures = findSignatures([...logs.lines.map((l) => l.message), run.ErrorMessage ?? '']);
  const found = await sampleRunInput(ctx, run, jobName, pipeline);
  const capacity = capacityOf(run, found.job ?? undefined);
  if (found.kind !== 'sampled') return { signatures, corruptLines: null, linesChecked: null, schema: null, capacity, input: null };
  const scan = scanSample(found.sample);
  return {
    signatures,
    corruptLines: scan.corrupt.length,
    linesChecked: scan.linesChecked,
    schema: scan.records.length ? compareWithSchema(scan.records, resolveReviewSchema(rawInputSettings(ctx).schema)) : null,
    capacity,
    input: { listedBytes: found.sample.listedBytes, objects: found.sample.objectsListed, truncated: found.sample.listingTruncated },
  };
}
