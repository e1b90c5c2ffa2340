import type { RootContent } from 'mdast';
import { formatStoreProblem, type StoreProblem } from '../results';
import { admonition, textList, textParagraph } from './markdown-nodes';

/** Where a shown result came from. */
export interface ResultSource {
  sandbox: boolean;
  world: string | null;
}

/** A visible notice naming every file of the results store that was skipped and why; none when all read. */
export function storeProblemsNotice(problems: readonly StoreProblem[]): RootContent[] {
  if (problems.length === 0) return [];
  const lead = 'These results files were skipped, so the steps they cover may show an older result or "not run":';
  return [admonition('danger', 'Some results could not be read', [textParagraph(lead), textList(problems.map(formatStoreProblem))])];
}

/** A banner saying that results shown come from the sandbox (a simulator, with staged incidents), not a real environment. */
export function sandboxBanner(sources: readonly ResultSource[]): RootContent[] {
  const sandboxed = sources.filter((source) => source.sandbox);
  if (sandboxed.length === 0) return [];
  const worlds = [...new Set(sandboxed.map((source) => source.world).filter((world): world is string => world !== null))].sort();
  const named = worlds.length ? ` (world${worlds.length === 1 ? '' : 's'} ${worlds.join(', ')})` : '';
  const all = sandboxed.length === sources.length;
  const text = all
    ? `The results on this page come from the sandbox${named}: a local simulator of the platform with staged incidents, not a real environment.`
    : `Some results on this page come from the sandbox${named}, a local simulator, not a real environment: each result names its environment.`;
  return [admonition('warning', 'Sandbox results', [textParagraph(text)])];
}
