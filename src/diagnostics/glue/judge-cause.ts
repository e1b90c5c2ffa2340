import { evidence, fail, pass, warn, type CheckContext } from '../../check-api';
import type { CheckResult } from '../../model';
import { causePhrases, causeTitles, rankCauses, supportedScore } from './cause-ranking';
import { eachFailedRun } from './each-failed-run';
import { gatherCauseEvidence } from './run-cause-evidence';
import type { CauseId } from './signatures';

/**
 * The verdict on one of the runbook's causes for each failed run: fail when the evidence ranks it first,
 * warn when it is supported but another ranks higher, pass when nothing supports it. The full ranking
 * is the evidence.
 */
export function judgeCause(ctx: CheckContext<'jobRunId' | 'jobName'>, cause: CauseId): Promise<CheckResult> {
  return eachFailedRun(ctx, async ({ run, jobName, pipeline, consoleLink }) => {
    const gathered = await gatherCauseEvidence(ctx, run, jobName, pipeline);
    const ranking = rankCauses(gathered);
    const mine = ranking.find((entry) => entry.cause === cause)!;
    const seen = [
      evidence('ranking', ranking.map((r) => ({ rank: r.rank, cause: r.title, score: r.score, support: r.support.map((s) => ({ ...s })) }))),
      evidence('capacity', gathered.capacity ? { ...gathered.capacity } : null),
      evidence('input', gathered.input ? { ...gathered.input } : null),
    ];
    const links = [consoleLink];
    const title = causeTitles[cause];
    if (mine.score >= supportedScore && mine.rank === 1) {
      return fail(`${title} is the most likely cause of run ${run.Id} (rank 1 of 3, score ${mine.score}): ${mine.support.filter((s) => s.weight > 0).map((s) => s.signal).join('; ')}`, { evidence: seen, links });
    }
    if (mine.score >= supportedScore) {
      return warn(`${title} is supported too (rank ${mine.rank} of 3, score ${mine.score}), behind ${ranking[0]!.title}`, { evidence: seen, links });
    }
    return pass(`nothing points at ${causePhrases[cause]} for run ${run.Id} (rank ${mine.rank} of 3, score ${mine.score}); most likely: ${ranking[0]!.score >= supportedScore ? ranking[0]!.title : 'none of the three'}`, { evidence: seen, links });
  });
}
