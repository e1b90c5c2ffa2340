import { ResourceNotFoundException, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { defineCheck, evidence, fail, link, notConfigured, pass, warn } from '../../src/check-api';
import { assessLock, isDigestItem, type LockAssessment } from '../../src/diagnostics/terraform/state-lock';

/** The most items read from the lock table: it holds one lock and one digest per state file. */
const maxItems = 1_000;

const describe = (a: LockAssessment) => ({
  lockId: a.lock.lockId,
  id: a.lock.id,
  who: a.lock.who,
  operation: a.lock.operation,
  version: a.lock.version,
  created: a.lock.created?.toISOString() ?? null,
  ...(a.kind === 'unknown-age' ? { problem: a.problem } : { ageMinutes: a.ageMinutes }),
});

/**
 * The state lock (3.6, "Terraform state protected via DynamoDB locking"): no lock in the lock table is
 * older than the threshold. The fix is documented, not automated: see docs/terraform-apply-policy.md.
 */
export default defineCheck({
  id: 'terraform-state-lock',
  title: 'No stale Terraform state lock',
  establishes: 'The DynamoDB lock table exists and holds no lock older than terraform.staleLockMinutes.',
  kind: 'check',
  uses: ['dynamodb:Scan'],
  async run(ctx) {
    const terraform = ctx.config.terraform;
    if (!terraform?.lockTable) return notConfigured(ctx.environment, 'terraform.lockTable');
    const table = terraform.lockTable;
    const region = ctx.config.aws?.region ?? 'us-east-1';
    const links = [link(`DynamoDB table ${table}: items`, `https://${region}.console.aws.amazon.com/dynamodbv2/home?region=${region}#item-explorer?table=${encodeURIComponent(table)}`)];
    const items: Array<Record<string, AttributeValue>> = [];
    let start: Record<string, AttributeValue> | undefined;
    try {
      do {
        const page = await ctx.clients.dynamodb().send(new ScanCommand({ TableName: table, Limit: 100, ExclusiveStartKey: start, ConsistentRead: true }), { abortSignal: ctx.signal });
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start && items.length < maxItems);
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return fail(`lock table ${table} does not exist: Terraform runs without state locking`, { links });
      throw error;
    }
    const locks = items
      .map((item) => ({ lockId: item.LockID?.S ?? '', info: item.Info?.S, attributes: Object.keys(item) }))
      .filter((item) => item.lockId && !isDigestItem(item.lockId, item.attributes))
      .map((item) => assessLock(item.lockId, item.info, ctx.clock.now(), terraform.staleLockMinutes));
    const seen = [evidence('lock table', table), evidence('items read', items.length), evidence('threshold minutes', terraform.staleLockMinutes), evidence('locks', locks.map(describe))];
    const stale = locks.filter((l) => l.kind === 'stale');
    if (stale.length) {
      const named = stale.map((l) => `${l.lock.path ?? l.lock.lockId} held by ${l.lock.who ?? 'unknown'} for ${l.kind === 'stale' ? Math.round(l.ageMinutes) : '?'} min (${l.lock.operation ?? 'unknown operation'}, lock ID ${l.lock.id ?? '?'})`);
      return fail(`stale state lock: ${named.join('; ')}. Confirm no run holds it, then release it as docs/terraform-apply-policy.md describes`, { evidence: seen, links });
    }
    const unknown = locks.filter((l) => l.kind === 'unknown-age');
    if (unknown.length) return warn(`${unknown.length} lock${unknown.length > 1 ? 's' : ''} of unknown age: ${unknown.map((l) => `${l.lock.lockId} (${l.kind === 'unknown-age' ? l.problem : ''})`).join('; ')}`, { evidence: seen, links });
    if (start) return warn(`no stale lock among the first ${items.length} items of ${table}, but the scan stopped at its cap of ${maxItems}: the rest were not read`, { evidence: seen, links });
    if (locks.length) return pass(`${locks.length} lock${locks.length > 1 ? 's' : ''} held for less than ${terraform.staleLockMinutes} min: a Terraform run is in progress`, { evidence: seen, links });
    return pass(`no lock held in ${table}`, { evidence: seen, links });
  },
});
