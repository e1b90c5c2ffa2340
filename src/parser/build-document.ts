import type { Link, List, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { Diagnostic, Scenario, Severity, Step, StepRole } from '../model';
import { checkIdOf, findCheckLinks, resolveCheckHref } from './check-link';
import { readFrontMatter } from './front-matter';
import { plainText } from './node-text';
import { positionOf } from './positions';
import { readScenarioHeading, readSectionHeading, scenarioHeadingDepth, sectionHeadingDepth } from './scenario-heading';
import { readSectionLabel } from './section-label';
import { writtenNumber } from './step-number';

/** Where a document comes from and how its tree's lines map to the file. */
export interface DocumentSource {
  /** The document's path relative to the project root (`docs/runbook.md`). */
  file: string;
  /** The full source text, used to read the numbers written before ordered list items. */
  text?: string;
  /** Lines to add to tree positions when the tree was parsed without the front matter. */
  lineOffset?: number;
}

/** The scenarios of one document, its diagnostics, and the step each check link belongs to. */
export interface DocumentModel {
  scenarios: Scenario[];
  diagnostics: Diagnostic[];
  stepOfLink: Map<Link, Step>;
  /** The Markdown node of every step: its list item, or its paragraph for a note. */
  nodeOfStep: Map<Step, Nodes>;
}

const numberedSection = /^\d+\.\s/;

const idPrefix: Record<Exclude<StepRole, 'action'>, string> = { symptom: 's', cause: 'c', check: 'k', note: 'n' };

/** Builds the scenario model of one Markdown tree; used by the CLI and by the site's remark plugin. */
export function buildDocument(tree: Root, source: DocumentSource): DocumentModel {
  const diagnostics: Diagnostic[] = [];
  const stepOfLink = new Map<Link, Step>();
  const nodeOfStep = new Map<Step, Nodes>();
  const scenarios: Scenario[] = [];
  const { severityOf, postureSections } = readFrontMatter(tree, source.file, diagnostics);
  const at = (node: Nodes) => positionOf(node, source.file, source.lineOffset);

  let scenario: Scenario | null = null;
  // Inside a numbered section (`## 3. Common Failure Scenarios`) every `###` heading must be a scenario.
  let inNumberedSection = false;
  let pendingRole: StepRole | null = null;
  let counters = new Map<StepRole, number>();
  // In a posture section (`## 5. Recovery Strategy`, listed in the front matter) every bullet is an action: 5.1, 5.2, …
  let postureActions: number | null = null;

  const addStep = (role: StepRole, id: string, node: Nodes): void => {
    if (!scenario) return;
    const links = findCheckLinks(node);
    const step: Step = { id, scenarioId: scenario.id, role, text: plainText(node), position: at(node) };
    const [first, ...extra] = links;
    if (first) {
      const modulePath = resolveCheckHref(source.file, first.url);
      step.check = { id: checkIdOf(modulePath), href: first.url, modulePath, position: at(first) };
      stepOfLink.set(first, step);
    }
    for (const link of extra) {
      diagnostics.push({
        severity: 'error',
        rule: 'one-check-per-step',
        message: `Unexpected second check link in step ${id}, expected one check per step`,
        position: at(link),
        related: { message: 'first check link of the step', position: at(first!) },
      });
    }
    scenario.steps.push(step);
    nodeOfStep.set(step, node);
  };

  const nextId = (role: Exclude<StepRole, 'action'>): string => {
    const count = (counters.get(role) ?? 0) + 1;
    counters.set(role, count);
    return `${scenario!.id}.${idPrefix[role]}${count}`;
  };

  const addList = (list: List, role: StepRole): void => {
    if (postureActions !== null) {
      for (const item of list.children) addStep('action', `${scenario!.id}.${++postureActions}`, item);
      return;
    }
    list.children.forEach((item, index) => {
      const id = role === 'action' ? `${scenario!.id}.${writtenNumber(list, item, index, source.text)}` : nextId(role);
      addStep(role, id, item);
    });
  };

  const close = (): void => {
    if (scenario && !scenario.steps.some((step) => step.role === 'action')) {
      diagnostics.push({
        severity: 'error',
        rule: 'scenario-without-actions',
        message: `Unexpected scenario ${scenario.id} without actions, expected an "Actions:" label followed by a numbered list`,
        position: scenario.position,
      });
    }
    scenario = null;
    postureActions = null;
  };

  const open = (heading: { id: string; title: string }, node: Nodes): void => {
    const severity: Severity | undefined = severityOf.get(heading.id);
    scenario = { ...heading, ...(severity ? { severity } : {}), steps: [], position: at(node) };
    scenarios.push(scenario);
    pendingRole = null;
    counters = new Map();
  };

  const visit = (node: RootContent): void => {
    if (node.type === 'heading' && node.depth <= scenarioHeadingDepth) {
      close();
      if (node.depth < scenarioHeadingDepth) {
        inNumberedSection = node.depth === scenarioHeadingDepth - 1 && numberedSection.test(plainText(node));
        const section = node.depth === sectionHeadingDepth ? readSectionHeading(node) : null;
        if (section && postureSections.has(section.id)) {
          open(section, node);
          postureActions = 0;
        }
        return;
      }
      const heading = readScenarioHeading(node);
      if (!heading && !inNumberedSection && !/^\d/.test(plainText(node))) return;
      if (!heading) {
        diagnostics.push({
          severity: 'error',
          rule: 'malformed-heading',
          message: `Unexpected heading "${plainText(node)}", expected a scenario heading such as "### 3.7 Title"`,
          position: at(node),
        });
        return;
      }
      open(heading, node);
      return;
    }
    if (!scenario) return;
    if (node.type === 'paragraph') {
      const role = readSectionLabel(node as Paragraph);
      if (role) pendingRole = role;
      else addStep('note', nextId('note'), node);
      return;
    }
    if (node.type === 'list') {
      const role = pendingRole ?? 'note';
      if (role === 'action' && !node.ordered && postureActions === null) {
        diagnostics.push({
          severity: 'error',
          rule: 'unnumbered-actions',
          message: `Unexpected bullet list of actions in scenario ${scenario.id}, expected a numbered list (1. 2. 3.)`,
          position: at(node),
        });
      }
      addList(node, role);
      pendingRole = null;
    }
  };

  for (const node of tree.children) visit(node);
  close();
  return { scenarios, diagnostics, stepOfLink, nodeOfStep };
}
