import { describe, expect, it } from 'vitest';
import { listWorlds, loadWorld } from '../src/sandbox/world/load-world';
import { describeOutcomes, runInWorld } from './support/project';

const now = new Date();
const incidentWorlds = listWorlds().filter((name) => loadWorld(name, now).header.expect);

/** A future goal of section 7 not built yet: it warns, in every world that leaves it as healthy does. */
const futureGap = (r: { status: string; step: string }) => r.status === 'warn' && r.step.startsWith('7.');

describe('every shipped world behaves as its header says', () => {
  it('lists at least the healthy world and one incident per 3.3 failure', () => {
    expect(listWorlds()).toEqual(expect.arrayContaining(['healthy', 's3-notifications-missing', 'storage-integration-disabled', 'auto-refresh-off']));
  });

  it('healthy: every step of every scenario passes or skips, but for the future goals of section 7, which may warn', async () => {
    const report = await runInWorld('healthy', []);
    const bad = report.results.filter((r) => r.status !== 'pass' && r.status !== 'skip' && !futureGap(r));
    expect(bad, describeOutcomes(report)).toEqual([]);
    expect(report.totals.pass).toBeGreaterThan(0);
  }, 120_000);

  it.each(incidentWorlds)('%s: the expected steps have the expected status, every other step of those scenarios passes or skips (or is a future goal that warns)', async (world) => {
    const expected = loadWorld(world, now).header.expect!;
    // A posture step (6.2) belongs to its section (6); a failure scenario's step (3.3.1) to its scenario (3.3).
    const scenarios = [...new Set(Object.keys(expected).map((step) => step.split('.').slice(0, step.split('.').length === 2 ? 1 : 2).join('.')))];
    const report = await runInWorld(world, scenarios);
    const actual = Object.fromEntries(report.results.map((r) => [r.step, r.status]));
    for (const [step, status] of Object.entries(expected)) expect(actual[step], `${world} ${step}\n${describeOutcomes(report)}`).toBe(status);
    const others = report.results.filter((r) => !(r.step in expected) && r.status !== 'pass' && r.status !== 'skip' && !futureGap(r));
    expect(others, describeOutcomes(report)).toEqual([]);
  }, 120_000);
});
