import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadAirflowState, type AirflowState } from './state';

/** The simulated Airflow REST API: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const airflowService: SandboxService<AirflowState, SandboxStates> = {
  load: (section, clock) => loadAirflowState(section, clock.now()),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
