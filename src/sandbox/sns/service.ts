import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadSnsState, type SnsState } from './state';

/** The simulated SNS: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const snsService: SandboxService<SnsState, SandboxStates> = {
  load: (section) => loadSnsState(section),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
