import type { AuditRecord } from '../../runner/audit';

/** An action run with `--fix`, from its audit records: what it did, who ran it where, and how it ended. */
export interface ActionTaken {
  startedAt: string;
  /** When its `finished` record was written, or null when there is none (the process stopped during the action). */
  finishedAt: string | null;
  user: string;
  /** Who the service saw (the audit record's `identity`), or null in records written before it was kept. */
  identity: string | null;
  environment: string;
  world: string | null;
  step: string;
  check: string;
  description: string;
  status: string | null;
  summary: string | null;
}

const keyOf = (record: AuditRecord) => JSON.stringify([record.user, record.environment, record.world, record.step, record.check, record.description]);

/**
 * Pairs the audit log's `started` and `finished` records (in the order appended) into one entry per action;
 * a `finished` record goes to the earliest open `started` of the same action, and one with none stands alone.
 */
export function actionsTaken(records: readonly AuditRecord[]): ActionTaken[] {
  const actions: ActionTaken[] = [];
  const open = new Map<string, ActionTaken[]>();
  for (const record of records) {
    const key = keyOf(record);
    if (record.phase === 'started') {
      const action: ActionTaken = { startedAt: record.at, finishedAt: null, user: record.user, identity: record.identity ?? null, environment: record.environment, world: record.world, step: record.step, check: record.check, description: record.description, status: null, summary: null };
      actions.push(action);
      open.set(key, [...(open.get(key) ?? []), action]);
      continue;
    }
    const action = open.get(key)?.shift();
    const ending = { finishedAt: record.at, status: record.status ?? null, summary: record.summary ?? null };
    if (action) Object.assign(action, ending);
    else actions.push({ startedAt: record.at, user: record.user, identity: record.identity ?? null, environment: record.environment, world: record.world, step: record.step, check: record.check, description: record.description, ...ending });
  }
  return actions;
}
