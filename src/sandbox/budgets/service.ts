import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadBudgetsState, type BudgetsState } from './state';

/** The simulated AWS Budgets: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const budgetsService: SandboxService<BudgetsState, SandboxStates> = {
  load: (section, clock) => loadBudgetsState(section, clock.now()),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
