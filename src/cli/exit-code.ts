import type { RunReport } from '../model';
import { exitCodes } from './options';

/** The exit code of a run: 1 when a step failed, else 2 when one could not tell, else 0 (acknowledged failures count as neither). */
export function exitCodeOf(report: Pick<RunReport, 'totals'>): number {
  if (report.totals.fail > 0) return exitCodes.failed;
  if (report.totals.error > 0) return exitCodes.unusable;
  return exitCodes.ok;
}

/** The exit code of several outcomes together, by the same precedence: a failure, then an error, then nothing. */
export function worstExitCode(...codes: number[]): number {
  if (codes.includes(exitCodes.failed)) return exitCodes.failed;
  if (codes.includes(exitCodes.unusable)) return exitCodes.unusable;
  return exitCodes.ok;
}
