import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../test/support/project';
import type { Runbook } from '../model';
import { defaultLayout, loadRunbook } from '../parser/load';
import { listWorlds, readWorldHeader } from '../sandbox/world/load-world';
import { buildAnswerKey, causeName } from './answer-key';
import { drillWorlds, loadDrills, type DrillName } from './catalog';

/** Words that would give each drill's cause away, read off its world's description. */
const causeWords: Record<DrillName, string[]> = {
  'glue-job-failed-1': ['corrupt', 'truncated', 'concatenated', 'malformed', 'FAILFAST', 'JsonEOF'],
  'glue-job-failed-2': ['schema', 'drift', '2023', 'rating', 'user_id', 'reviewText'],
  'glue-job-failed-3': ['memory', 'OOM', '100,000', 'small files', 'backfill', 'DPU'],
  'sfn-execution-failed-1': ['not authorized', 'AccessDenied', 'denied', 'permission', 'policy', 'IAM', 'StartJobRun'],
  'sfn-execution-failed-2': ['script', 'uploaded', 'NoSuchKey', 'processed_compact_v2', 'misconfigured'],
  'state-machine-changed-1': ['retry', 'retries', 'without'],
  'external-table-stale-1': ['missing', 'lost', 'removed', 'deleted', 'no queue', 'notification'],
  'external-table-stale-2': ['disabled', 'ENABLED', 'integration'],
  // The pipe is where the missing setting shows (its status call is the hint), not the cause.
  'external-table-stale-3': ['auto-refresh', 'auto refresh', 'AUTO_REFRESH', 'recreated'],
  'dbt-test-failed-1': ['duplicate', 'twice', 're-delivered', 'registered twice'],
  'dbt-test-failed-2': ['stg_reviews', 'staging', 'upstream', '2023', 'unix_review_time'],
  'dag-run-failed-1': ['deps', 'packages.yml', 'dbt_packages', 'package'],
  'dag-run-failed-2': ['127.0.0.1', 'port 1', 'unreachable', 'connect'],
  'dashboard-data-old-1': ['landed', 'freshness', '31-hour', 'no review file'],
  'terraform-apply-failed-1': ['drift', 'console', 'outside', 'ConcurrentModification', 'modified'],
  'terraform-apply-failed-2': ['destroy', 'replace', 'rename', 'protected', 'non-empty'],
  'terraform-apply-failed-3': ['denied', 'AccessDenied', 'UpdateJob', 'guardrail', 'not authorized', 'permission'],
  'terraform-apply-failed-4': ['lock', 'cancelled', 'stale', 'five hours'],
  'posture-review-1': ['subscri', 'confirm', 'pending', 'removed'],
  'posture-review-2': ['deleted', 'clean-up', 'unused', 'unmonitored'],
};

describe('drill briefings', () => {
  let runbook: Runbook;
  beforeAll(async () => {
    runbook = (await loadRunbook(defaultLayout(root))).runbook;
  });
  const drills = loadDrills();

  it('make one drill of every incident world (posture worlds excepted), named by what the trainee sees rather than by the world', () => {
    const incidents = listWorlds().filter((world) => readWorldHeader(world).expect && !readWorldHeader(world).posture);
    expect(Object.values(drillWorlds).sort()).toEqual(incidents);
    expect(new Set(Object.values(drillWorlds)).size).toBe(incidents.length);
    for (const [drill, world] of Object.entries(drillWorlds)) for (const word of world.split('-').filter((w) => w.length > 3 && !drill.includes(w))) expect(drill).not.toContain(word);
  });

  it('list the drills easiest first', () => {
    const order = drills.map((d) => ['easy', 'medium', 'hard'].indexOf(d.briefing.difficulty));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it.each(drills.map((d) => [d.name, d] as const))('%s: the first hint names the scenario and the last an accepted step', (_name, drill) => {
    const key = buildAnswerKey(drill, drills, runbook);
    expect(drill.briefing.hints[0]).toContain(`scenario ${key.scenario.id}`);
    expect(key.steps.some((step) => drill.briefing.hints.at(-1)!.includes(step.id))).toBe(true);
  });

  it.each(drills.map((d) => [d.name, d] as const))('%s: neither the alert nor any hint before the last names its cause or failing step', (name, drill) => {
    const key = buildAnswerKey(drill, drills, runbook);
    const spoilers = [
      drill.world,
      ...[...key.flagged, ...key.causes].flatMap((step) => [step.id, step.text, step.check?.id ?? step.id]),
      ...key.causes.map(causeName),
      ...causeWords[name],
    ];
    for (const text of [drill.briefing.alert, ...drill.briefing.hints.slice(0, -1)]) {
      for (const spoiler of spoilers) expect(text.toLowerCase(), `"${spoiler}" in: ${text}`).not.toContain(spoiler.toLowerCase());
    }
  });
});
