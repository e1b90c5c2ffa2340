import { isReported, type Runbook } from '../model';
import { palette, type Screen } from '../reporters/screen';

/** The `--list` output: each scenario with its steps, their checks, and the command that runs them. */
export function buildScenarioList(runbook: Runbook, screen: Screen): string {
  const c = palette(screen);
  const out: string[] = [];
  for (const scenario of runbook.scenarios) {
    const severity = scenario.severity ? c.dim(` (severity: ${scenario.severity})`) : '';
    out.push(`${c.bold(`${scenario.id} ${scenario.title}`)}${severity}   ${c.dim(`npm run check -- ${scenario.id}`)}`);
    for (const step of scenario.steps.filter(isReported)) {
      const check = step.check ? c.cyan(step.check.id) : c.gray('manual: no check yet');
      out.push(`  ${step.id.padEnd(7)} ${step.role.padEnd(7)} ${step.text}  ${c.dim('→')} ${check}`);
    }
    out.push('');
  }
  return out.join('\n');
}
