import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadLogsState, type LogsState } from './state';

/** The simulated CloudWatch Logs: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const logsService: SandboxService<LogsState, SandboxStates> = {
  load: (section) => loadLogsState(section),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
