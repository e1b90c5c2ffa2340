import { jsonResponse } from '../core/http';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadWorkState, type WorkState } from './state';

/** What the platform's jobs do when an action re-runs them (work.json), and the re-runs in flight. Not served over HTTP. */
export const workService: SandboxService<WorkState, SandboxStates> = {
  load: (section) => loadWorkState(section),
  handle: async () => ({
    response: jsonResponse(404, { message: 'the work of re-runs is the sandbox’s own, not an HTTP service' }),
    call: { operation: 'unknown', mutates: false },
  }),
};
