import type { RunReport } from '../model';

/** The result document as JSON text: what `--json` prints and the site reads. */
export function buildJsonReport(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
