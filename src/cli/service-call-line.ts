import type { StepServiceCall } from '../runner/step-attribution';

/** The `--verbose` line of one service call: `  [3.3.1] s3 ListObjectsV2 · 12 ms · ok`. */
export function serviceCallLine(call: StepServiceCall): string {
  const outcome = call.outcome === 'ok' ? 'ok' : `error ${call.error ?? ''}`.trim();
  return `  [${call.step ?? '-'}] ${call.service} ${call.operation} · ${call.durationMs} ms · ${outcome}`;
}
