import type { RunbookConfig } from '../../src/config';
import type { Runbook } from '../../src/model';
import { listWorlds, loadWorld } from '../../src/sandbox/world/load-world';
import { callCost, runScenario } from './run-scenario';

/** The calls and bytes one scenario costs in one world. */
export interface WorldCost {
  world: string;
  scenario: string;
  calls: number;
  bytes: number;
}

/** Every scenario in `healthy`, and each incident world's own scenarios (those its `expect` names): calls and bytes. */
export async function worldCosts(root: string, config: RunbookConfig, runbook: Runbook): Promise<WorldCost[]> {
  const rows: WorldCost[] = [];
  const now = new Date();
  for (const world of listWorlds()) {
    const expected = Object.keys(loadWorld(world, now).header.expect ?? {});
    const scenarios = world === 'healthy' ? runbook.scenarios.map((s) => s.id) : [...new Set(expected.map((step) => step.split('.').slice(0, 2).join('.')))];
    for (const scenario of scenarios) {
      const { calls } = await runScenario(root, config, runbook, scenario, world);
      rows.push({ world, scenario, ...callCost(calls) });
    }
  }
  return rows;
}
