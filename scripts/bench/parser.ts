import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRunbook } from '../../src/parser';
import { defaultLayout, listCheckModules } from '../../src/parser/load';
import { parseMarkdown } from '../../src/parser/markdown';
import { timeRuns, type Timing } from './measure';

/** The parser on the project runbook (against a bare remark parse) and on generated runbooks 10× apart in size. */
export interface ParserFigures {
  bareRemark: Timing;
  projectRunbook: Timing;
  generated: Array<{ scenarios: number; steps: number; bytes: number; time: Timing }>;
  /** Time of 10× the input over time of the input: at most 12 keeps the parser near linear. */
  scaling: { ratio: number; target: number };
}

/** A runbook of `scenarios` scenarios of `steps` action steps each, every step linking a real check. */
export function generatedRunbook(scenarios: number, steps: number, checks: readonly string[]): string {
  const out = ['# Generated runbook', ''];
  for (let s = 1; s <= scenarios; s++) {
    out.push(`### 7.${s} Generated scenario ${s}`, '', 'Actions:', '');
    for (let i = 1; i <= steps; i++) out.push(`${i}. [Step ${i} of scenario ${s}](../${checks[(s + i) % checks.length]})`);
    out.push('');
  }
  return out.join('\n');
}

/** Times the parser: the project runbook, then 100 and 1,000 generated scenarios of 5 steps. */
export async function parserFigures(root: string): Promise<ParserFigures> {
  const text = readFileSync(path.join(root, 'docs', 'runbook.md'), 'utf8');
  const modules = await listCheckModules(defaultLayout(root));
  const bareRemark = await timeRuns(30, () => parseMarkdown(text));
  const projectRunbook = await timeRuns(30, () => parseRunbook([{ file: 'docs/runbook.md', text }], modules));
  const generated = [];
  for (const [scenarios, runs] of [[100, 9], [1_000, 5]] as const) {
    const doc = generatedRunbook(scenarios, 5, modules);
    const time = await timeRuns(runs, () => {
      const parsed = parseRunbook([{ file: 'docs/generated.md', text: doc }], modules);
      if (parsed.runbook.scenarios.length !== scenarios) throw new Error(`the generated runbook parsed into ${parsed.runbook.scenarios.length} scenarios, expected ${scenarios}`);
    });
    generated.push({ scenarios, steps: scenarios * 5, bytes: Buffer.byteLength(doc), time });
  }
  return { bareRemark, projectRunbook, generated, scaling: { ratio: generated[1]!.time.medianMs / generated[0]!.time.medianMs, target: 12 } };
}
