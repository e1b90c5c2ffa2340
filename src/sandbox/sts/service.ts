import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';

/** STS keeps no state of its own: the identities behind access keys are the world's IAM users. */
export type StsState = Record<string, never>;

/** The simulated STS: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const stsService: SandboxService<StsState, SandboxStates> = {
  load: () => ({}),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
