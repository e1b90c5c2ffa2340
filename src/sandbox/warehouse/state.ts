import { z } from 'zod';

const qualifiedName = z.string().regex(/^[A-Z_][\w$]*\.[A-Z_][\w$]*\.[A-Z_][\w$]*$/, 'expected DATABASE.SCHEMA.TABLE in upper case');
const columnType = z.enum(['VARCHAR', 'INTEGER', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DATE', 'TIMESTAMP', 'TIMESTAMPTZ']);

const tableSchema = z.strictObject({
  /** Column name → SQL type, in order. */
  columns: z.record(z.string().regex(/^[A-Z_][\w$]*$/, 'expected an upper-case column name'), columnType),
  /** Rows as arrays in column order; times may be relative (`now-2h`). */
  rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))).default([]),
});

/** The warehouse section of a world: the tables behind the simulated Snowflake's plain SELECTs. */
export const warehouseSectionSchema = z.strictObject({
  tables: z.record(qualifiedName, tableSchema).default({}),
});

/** A warehouse section as the world describes it. */
export type WarehouseSection = z.infer<typeof warehouseSectionSchema>;
/** A table of the warehouse section. */
export type WarehouseTable = z.infer<typeof tableSchema>;
