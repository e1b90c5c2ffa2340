import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-file';

/** Where drills keep their state and attempts: `RUNBOOK_DRILLS_DIR`, else `.runbook/drills` in the project. */
export function drillsDir(root: string): string {
  return process.env.RUNBOOK_DRILLS_DIR ? path.resolve(process.env.RUNBOOK_DRILLS_DIR) : path.join(root, '.runbook', 'drills');
}

const currentDrillSchema = z.strictObject({
  version: z.literal(1),
  drill: z.string().min(1),
  /** Names this run of the drill; its sandbox answers `GET /_sandbox/world` with `drill <session>`. */
  session: z.string().min(1),
  url: z.string().url(),
  pid: z.number().int().positive(),
  startedAt: z.iso.datetime(),
  hintsUsed: z.number().int().min(0),
  envFile: z.string().min(1),
  /** The settings of the drill's sandbox, as its env file holds them. */
  environment: z.record(z.string(), z.string()),
});

/** The drill in progress, as `npm run drill -- NAME` records it for `hint` and `answer`. */
export type CurrentDrill = z.infer<typeof currentDrillSchema>;

/** A state file that cannot be read: names the file and what to do. */
export class DrillStateError extends Error {
  override name = 'DrillStateError';
}

const currentFile = (root: string) => path.join(drillsDir(root), 'current.json');

/** The drill in progress, or null when none is. */
export function readCurrentDrill(root: string): CurrentDrill | null {
  const file = currentFile(root);
  if (!existsSync(file)) return null;
  const parsed = currentDrillSchema.safeParse((() => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch {
      return null;
    }
  })());
  if (!parsed.success) throw new DrillStateError(`${file} is not a drill state file; delete it and start the drill again (npm run drill -- NAME)`);
  return parsed.data;
}

/** Records the drill in progress (atomically: a reader sees the old state or the new). */
export async function writeCurrentDrill(root: string, state: CurrentDrill): Promise<void> {
  await writeFileAtomic(currentFile(root), `${JSON.stringify(state, null, 2)}\n`);
}

/** Ends the drill in progress: `hint` and `answer` no longer find it. */
export async function clearCurrentDrill(root: string): Promise<void> {
  await rm(currentFile(root), { force: true });
}

/** The label a drill's sandbox shows instead of its world. */
export function sandboxLabel(state: Pick<CurrentDrill, 'session'>): string {
  return `drill ${state.session}`;
}
