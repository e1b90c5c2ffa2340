import type { SkipResult } from '../model';
import { skip } from './verdicts';

/** The verdict of a check whose environment lacks the configuration it needs: names the missing key. */
export function notConfigured(environment: string, key: string): SkipResult {
  return skip(`not configured: environments.${environment}.${key} is not set in runbook.config.ts`);
}
