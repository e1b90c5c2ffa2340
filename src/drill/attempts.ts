import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appendLine } from '../util/atomic-file';
import { drillsDir } from './state';

const attemptSchema = z.strictObject({
  drill: z.string(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  seconds: z.number().int().min(0),
  hintsUsed: z.number().int().min(0),
  result: z.enum(['correct', 'wrong', 'abandoned']),
  answer: z.strictObject({ step: z.string(), cause: z.string().optional() }).optional(),
});

/** One finished (or abandoned) play of a drill: how long it took, how many hints, and the grade. */
export type Attempt = z.infer<typeof attemptSchema>;

const attemptsFile = (root: string) => path.join(drillsDir(root), 'attempts.jsonl');

/** Appends an attempt as one whole line to the local attempts log. */
export async function recordAttempt(root: string, attempt: Attempt): Promise<void> {
  await appendLine(attemptsFile(root), JSON.stringify(attemptSchema.parse(attempt)));
}

/** Every recorded attempt, oldest first; lines that are not attempts (a hand edit) are left out. */
export function readAttempts(root: string): Attempt[] {
  const file = attemptsFile(root);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const parsed = attemptSchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
}
