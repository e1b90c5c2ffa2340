import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadCloudtrailState, type CloudtrailState } from './state';

/** The simulated CloudTrail: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const cloudtrailService: SandboxService<CloudtrailState, SandboxStates> = {
  load: (section) => loadCloudtrailState(section),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
