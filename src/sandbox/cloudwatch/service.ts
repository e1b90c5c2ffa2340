import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadCloudwatchState, type CloudwatchState } from './state';

/** The simulated CloudWatch: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const cloudwatchService: SandboxService<CloudwatchState, SandboxStates> = {
  load: (section, clock) => loadCloudwatchState(section, clock.now()),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
