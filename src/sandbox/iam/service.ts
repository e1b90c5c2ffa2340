import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadIamState } from './load';
import type { IamState } from './state';

/** The simulated IAM: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const iamService: SandboxService<IamState, SandboxStates> = {
  load: (section) => loadIamState(section),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
