import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadGithubState, type GithubState } from './state';

/** The simulated GitHub REST API: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const githubService: SandboxService<GithubState, SandboxStates> = {
  load: (section) => loadGithubState(section),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
