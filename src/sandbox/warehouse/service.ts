import { jsonResponse } from '../core/http';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { deferredSqlEngine, type SqlEngine } from '../snowflake/sql-engine';
import { warehouseSectionSchema } from './state';

/** The warehouse's state: the engine that holds the world's tables. */
export interface WarehouseState {
  engine: SqlEngine;
}

/** The data behind the simulated Snowflake: not reachable over HTTP, queried through Snowflake's SELECT handler. */
export const warehouseService: SandboxService<WarehouseState, SandboxStates> = {
  load(section) {
    return { engine: deferredSqlEngine(warehouseSectionSchema.parse(section ?? {})) };
  },
  dispose: (state) => state.engine.close(),
  handle: async () => ({
    response: jsonResponse(404, { message: 'the warehouse is reached through Snowflake queries, not over HTTP' }),
    call: { operation: 'unknown', mutates: false },
  }),
};
