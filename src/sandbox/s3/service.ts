import { handledLater } from '../core/handled-later';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { loadS3State, type S3State } from './state';

/** The simulated S3: its state is built from the world as the sandbox starts; its handling (./handler) loads on first use. */
export const s3Service: SandboxService<S3State, SandboxStates> = {
  load: (section) => loadS3State(section),
  ...handledLater(() => require('./handler') as typeof import('./handler'), () => import('./handler')),
};
