import { jsonResponse } from '../core/http';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { materializeProject, type MaterializedProject } from './materialize';
import { dbtSectionSchema } from './state';

/** The world's dbt project on disk, or null when the world describes none. */
export interface DbtState {
  project: MaterializedProject | null;
}

/** The dbt project fixture: written to a temporary directory when a world loads, removed when it is replaced. Not served over HTTP. */
export const dbtService: SandboxService<DbtState, SandboxStates> = {
  load: (section) => ({ project: section === undefined ? null : materializeProject(dbtSectionSchema.parse(section)) }),
  dispose: async (state) => state.project?.remove(),
  handle: async () => ({
    response: jsonResponse(404, { message: 'the dbt project is a directory on disk, not an HTTP service' }),
    call: { operation: 'unknown', mutates: false },
  }),
};
