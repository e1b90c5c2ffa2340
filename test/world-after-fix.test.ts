import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { CheckDefinition } from '../src/check-api';
import type { RunReport } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { startSandbox } from '../src/sandbox/sandbox';
import { listWorlds, loadWorld } from '../src/sandbox/world/load-world';
import { openDrill } from './support/drill';
import { describeOutcomes, root } from './support/project';

const now = new Date();
const incidents = listWorlds().map((name) => ({ name, header: loadWorld(name, now).header })).filter((world) => world.header.expect);
const withAfterFix = incidents.filter((world) => world.header.afterFix).map((world) => [world.name, world.header.afterFix!] as const);

const scenarioOf = (step: string) => step.split('.').slice(0, 2).join('.');

/** The steps' statuses as expected, with every other step of the report at pass or skip. */
function expectStatuses(report: RunReport, expected: Readonly<Record<string, string>>, label: string): void {
  const actual = Object.fromEntries(report.results.map((r) => [r.step, r.status]));
  for (const [step, status] of Object.entries(expected)) expect(actual[step], `${label}: ${step}\n${describeOutcomes(report)}`).toBe(status);
  const others = report.results.filter((r) => !(r.step in expected) && r.status !== 'pass' && r.status !== 'skip');
  expect(others, `${label}\n${describeOutcomes(report)}`).toEqual([]);
}

describe('each incident world after its action: the fix does not cure the cause, a repair through the services does', () => {
  it('every incident world whose scenarios hold an action says what happens after it (afterFix)', async () => {
    const { runbook } = await loadRunbook(defaultLayout(root));
    for (const { name, header } of incidents.filter((world) => !world.header.afterFix)) {
      const scenarios = new Set(Object.keys(header.expect!).map(scenarioOf));
      const actions: string[] = [];
      for (const step of runbook.scenarios.filter((s) => scenarios.has(s.id)).flatMap((s) => s.steps)) {
        const check = step.check && ((await import(path.join(root, step.check.modulePath))) as { default: CheckDefinition }).default;
        if (check && check.kind === 'action') actions.push(step.id);
      }
      expect(actions, `${name} has actions but no afterFix`).toEqual([]);
    }
    expect(withAfterFix.length).toBeGreaterThanOrEqual(10);
  });

  it.each(withAfterFix)('%s: after the action the scenario still fails; after the repair and the action again, it is as the world says', async (world, afterFix) => {
    const sandbox = await startSandbox({ world, workSeconds: 0 });
    const drill = openDrill(sandbox);
    try {
      const scenario = scenarioOf(afterFix.action);
      const applied = await drill.run([afterFix.action], { fix: true });
      expect(applied.results[0]?.status, describeOutcomes(applied)).not.toBe('error');
      expectStatuses(await drill.run([scenario]), afterFix.expect, `${world} after ${afterFix.action} --fix with the cause present`);
      if (!afterFix.repair) return;
      await drill.repair(afterFix.repair.calls);
      await drill.run([afterFix.action], { fix: true });
      expectStatuses(await drill.run([scenario]), afterFix.afterRepair!, `${world} after the repair (${afterFix.repair.description}) and ${afterFix.action} --fix again`);
    } finally {
      drill.close();
      await sandbox.stop();
    }
  }, 120_000);
});
