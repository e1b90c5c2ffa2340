import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadSfnState, type SfnState } from './state';

/** The simulated Step Functions: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const sfnService: SandboxService<SfnState, SandboxStates> = {
  load: (section) => loadSfnState(section),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
