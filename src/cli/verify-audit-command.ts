import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditLogPath } from '../reporters/locations';
import { verifyChain } from '../runner/audit-chain';
import { exitCodes } from './options';
import type { StoreCommandContext } from './store-command';
import { UsageError } from './usage-error';

/**
 * `npm run check -- verify-audit`: checks the audit log's hash chain and names each line where it breaks
 * (`.runbook/audit.jsonl:7: …`); exit 0 when it is whole (or there is no log yet), 1 when it breaks.
 */
export function runVerifyAudit(context: StoreCommandContext): number {
  const { io, options } = context;
  if (context.args.length > 0) throw new UsageError(`Unexpected ${context.args.join(' ')} after verify-audit: it verifies the whole audit log, ${auditLogPath}`);
  let text: string;
  try {
    text = readFileSync(path.join(context.root, auditLogPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    io.out(options.json ? `${JSON.stringify({ file: auditLogPath, records: 0, unchained: 0, breaks: [] })}\n` : `${auditLogPath}: no audit log yet: nothing to verify\n`);
    return exitCodes.ok;
  }
  const verdict = verifyChain(text);
  if (options.json) {
    io.out(`${JSON.stringify({ file: auditLogPath, ...verdict }, null, 2)}\n`);
    return verdict.breaks.length ? exitCodes.failed : exitCodes.ok;
  }
  const unchained = verdict.unchained ? ` (${verdict.unchained} unchained, written before the chain began: not vouched for)` : '';
  if (verdict.breaks.length === 0) {
    io.out(`${auditLogPath}: ${verdict.records} records, the hash chain is whole${unchained}\n`);
    return exitCodes.ok;
  }
  for (const problem of verdict.breaks) io.out(`${auditLogPath}:${problem.line}: the chain breaks: ${problem.reason}\n`);
  io.out(`${auditLogPath}: the hash chain breaks at line ${verdict.breaks[0]!.line} (${verdict.breaks.length} break(s) in ${verdict.records} records)${unchained}: the log was changed after it was written\n`);
  return exitCodes.failed;
}
