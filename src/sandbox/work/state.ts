import type { ServiceEnv } from '../core/service';
import type { SandboxStates } from '../states';
import { workSectionSchema, type WorkSection } from './schema';

/** Work an action started that has not ended yet: it ends at `due`, evaluated against the world as it is then. */
export interface PendingWork {
  /** What it is, for messages (`redrive of daily-2026-11-26`). */
  label: string;
  due: Date;
  finish(env: ServiceEnv<SandboxStates>): void | Promise<void>;
}

/** The work the world's jobs do when re-run, and the re-runs in flight. */
export interface WorkState {
  programs: WorkSection;
  /** How long a re-run takes, in milliseconds of sandbox time. */
  durationMs: number;
  pending: PendingWork[];
  /** The work being finished now: a request that arrives meanwhile waits for it, so no answer shows a half-finished re-run. */
  finishing?: Promise<void>;
}

/** Builds the work state from a world's work section. */
export function loadWorkState(section: unknown): WorkState {
  const programs = workSectionSchema.parse(section ?? {});
  return { programs, durationMs: programs.durationSeconds * 1000, pending: [] };
}

/** Queues work that ends after the state's duration. */
export function schedule(state: WorkState, now: Date, label: string, finish: PendingWork['finish']): Date {
  const due = new Date(now.getTime() + state.durationMs);
  state.pending.push({ label, due, finish });
  return due;
}

/** Ends every pending work whose time has come, in the order it was started; concurrent callers wait for the same pass. */
export async function advanceWork(env: ServiceEnv<SandboxStates>): Promise<void> {
  const state = env.states.work;
  while (state.finishing) await state.finishing;
  const now = env.clock.now().getTime();
  const ready = state.pending.filter((work) => work.due.getTime() <= now).sort((a, b) => a.due.getTime() - b.due.getTime());
  if (!ready.length) return;
  state.pending = state.pending.filter((work) => !ready.includes(work));
  state.finishing = (async () => {
    for (const work of ready) await work.finish(env);
  })().finally(() => {
    state.finishing = undefined;
  });
  await state.finishing;
}
