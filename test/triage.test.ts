import { describe, expect, it } from 'vitest';
import { rankScenarios } from '../src/cli/triage/rank';
import { triageSignals } from '../src/cli/triage/signals';
import { reportScenarios } from '../src/cli/report-scenarios';
import { allSteps } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { listWorlds, loadWorld } from '../src/sandbox/world/load-world';
import { describeOutcomes, root, runInWorld } from './support/project';

const now = new Date();
const worlds = listWorlds();

/** The scenarios a world stages: those whose symptoms (or check-list entries) its header expects to fail or warn. */
async function stagedScenarios(world: string): Promise<string[]> {
  const { runbook } = await loadRunbook(defaultLayout(root));
  const signalIds = new Set(triageSignals(runbook).map((s) => s.step.id));
  const expected = Object.entries(loadWorld(world, now).header.expect ?? {});
  const staged = expected.filter(([step, status]) => signalIds.has(step) && (status === 'fail' || status === 'warn')).map(([step]) => step.split('.').slice(0, 2).join('.'));
  return [...new Set(staged)].sort();
}

/** Triage in a world, in-process: every signal's check through the sandbox, then the ranking. */
async function triageIn(world: string) {
  const { runbook } = await loadRunbook(defaultLayout(root));
  const signals = triageSignals(runbook);
  const report = await runInWorld(world, signals.map((s) => s.step.id));
  return { report, ranking: rankScenarios(reportScenarios(runbook), signals, report.results) };
}

describe('triage over every shipped world', () => {
  it('covers every symptom of the runbook with a check', async () => {
    const { runbook } = await loadRunbook(defaultLayout(root));
    expect(allSteps(runbook).filter((s) => s.role === 'symptom' && !s.check).map((s) => s.id)).toEqual([]);
  });

  it('healthy: no scenario ranks, so triage reports no active incident', async () => {
    const { report, ranking } = await triageIn('healthy');
    expect(ranking.map((m) => m.scenario.id), describeOutcomes(report)).toEqual([]);
    expect(report.totals.error).toBe(0);
  }, 120_000);

  it.each(worlds.filter((w) => w !== 'healthy'))('%s: the scenarios the world stages rank first (none for a posture world)', async (world) => {
    const staged = await stagedScenarios(world);
    const { report, ranking } = await triageIn(world);
    const ids = ranking.map((m) => m.scenario.id);
    const table = ranking.map((m) => `${m.scenario.id} coverage ${m.coverage} score ${m.score}`).join('\n');
    expect(ids.slice(0, staged.length).sort(), `${table}\n${describeOutcomes(report)}`).toEqual(staged);
    const header = loadWorld(world, now).header;
    // A posture step (`6.1`, `7.1`: sections 5 to 7) is a best practice broken, no symptom of an incident: its failure
    // stages nothing for triage to rank; a posture world stages nothing else.
    const expectsFailure = !header.posture && Object.entries(header.expect ?? {}).some(([step, status]) => status === 'fail' && step.split('.').length > 2);
    if (expectsFailure) expect(staged, `${world} expects failures but no symptom of its scenario`).not.toEqual([]);
    else expect(ids, table).toEqual([]);
    expect(report.totals.error, describeOutcomes(report)).toBe(0);
  }, 120_000);
});
