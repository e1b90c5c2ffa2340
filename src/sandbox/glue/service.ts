import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadGlueState, type GlueState } from './state';

/** The simulated Glue: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const glueService: SandboxService<GlueState, SandboxStates> = {
  load: (section) => loadGlueState(section),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
