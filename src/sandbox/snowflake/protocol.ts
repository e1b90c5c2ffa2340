import { randomUUID } from 'node:crypto';
import { jsonResponse, type SandboxResponse } from '../core/http';
import type { SqlError } from './errors';
import { wireCell, type ResultSet } from './result-set';
import { parameterList } from './session-parameters';
import type { SnowflakeSessionInfo } from './state';

/** A successful query response in the driver's JSON result format, with the session's parameters as Snowflake sends them. */
export function queryResponse(result: ResultSet, session: SnowflakeSessionInfo): SandboxResponse {
  return jsonResponse(200, {
    data: {
      parameters: parameterList(session.parameters),
      rowtype: result.columns.map((column) => ({
        name: column.name,
        database: '',
        schema: '',
        table: '',
        type: column.type,
        nullable: true,
        byteLength: column.type === 'text' ? 16777216 : null,
        length: column.type === 'text' ? 16777216 : null,
        scale: column.type === 'fixed' ? 0 : column.type.startsWith('timestamp') ? 9 : null,
        precision: column.type === 'fixed' ? 38 : column.type.startsWith('timestamp') ? 0 : null,
        collation: null,
      })),
      rowset: result.rows.map((row) => row.map((cell, i) => wireCell(cell, result.columns[i]!.type))),
      total: result.rows.length,
      returned: result.rows.length,
      queryId: randomUUID(),
      databaseProvider: null,
      finalDatabaseName: session.database,
      finalSchemaName: session.schema,
      finalWarehouseName: session.warehouse,
      finalRoleName: session.role,
      numberOfBinds: 0,
      arrayBindSupported: false,
      statementTypeId: 4096,
      version: 1,
      sendResultTime: Date.now(),
      queryResultFormat: 'json',
    },
    code: null,
    message: null,
    success: true,
  });
}

/** A failed query or login, in the driver's error shape. */
export function errorResponse(error: Pick<SqlError, 'code' | 'sqlState' | 'message'>): SandboxResponse {
  return jsonResponse(200, {
    data: { errorCode: error.code, sqlState: error.sqlState, queryId: randomUUID(), internalError: false },
    code: error.code,
    message: error.message,
    success: false,
  });
}

/** A plain success with no data (telemetry, logout, heartbeat). */
export function okResponse(data: unknown = null): SandboxResponse {
  return jsonResponse(200, { data, code: null, message: null, success: true });
}
