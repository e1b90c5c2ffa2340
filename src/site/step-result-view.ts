import { isWebLink, type StepRole } from '../model';
import type { StepLatest } from '../results';
import { checkCommand } from './check-command';
import type { LinkRule } from './console-links';
import { evidenceText } from './evidence-text';
import { statusWord } from './status-words';
import type { StepResultView } from './step-view';

/** How the page shows one latest outcome: text evidence, links checked against the environment's consoles, the reproducing command. */
export function stepResultView(latest: StepLatest, role: StepRole, canLink: LinkRule): StepResultView {
  const { outcome, run } = latest;
  const target = { environment: run.environment, world: run.world };
  return {
    status: outcome.status,
    word: statusWord(role, outcome.status),
    summary: outcome.summary,
    evidence: outcome.evidence.map((item) => ({ label: item.label, value: evidenceText(item.value) })),
    links: outcome.links.filter(isWebLink).map((link) => ({ label: link.label, url: link.url, clickable: canLink(link.url) })),
    environment: run.environment,
    world: run.world,
    sandbox: run.sandbox,
    startedAt: run.startedAt,
    statusSince: latest.statusSince,
    previousStatus: latest.previousStatus,
    command: checkCommand(outcome.step, target),
    ...(outcome.kind === 'action' ? { fixCommand: checkCommand(outcome.step, { ...target, fix: true }) } : {}),
  };
}
