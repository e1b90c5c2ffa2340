import { sandboxLabel, type CurrentDrill } from './state';

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the drill's sandbox still runs: its process is alive and its address answers with the drill's label. */
export async function drillSandboxRuns(state: CurrentDrill): Promise<boolean> {
  if (!processRuns(state.pid)) return false;
  try {
    const response = await fetch(new URL('/_sandbox/world', state.url), { signal: AbortSignal.timeout(3000) });
    const body = (await response.json()) as { label?: string };
    return body.label === sandboxLabel(state);
  } catch {
    return false;
  }
}
