import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadSnowflakeState, type SnowflakeState } from './state';

/** The simulated Snowflake: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const snowflakeService: SandboxService<SnowflakeState, SandboxStates> = {
  load: (section) => loadSnowflakeState(section),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
