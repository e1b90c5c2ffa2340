import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadEventsState, type EventsState } from './state';

/** The simulated EventBridge: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const eventsService: SandboxService<EventsState, SandboxStates> = {
  load: (section) => loadEventsState(section),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
