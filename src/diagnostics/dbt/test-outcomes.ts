import type { Manifest, ManifestNode } from './manifest';
import { isProblem, type NodeResult, type RunResults } from './run-results';

/** A test's result in a dbt invocation, with its kind (`unique`, `not_null`, `relationships`, or `singular`). */
export interface TestOutcome {
  result: NodeResult;
  name: string;
  kind: string;
}

/** The tests of an invocation by outcome, and the non-test nodes that did not build. */
export interface TestOutcomes {
  tests: TestOutcome[];
  failing: TestOutcome[];
  warning: TestOutcome[];
  /** Tests that did not run because a node upstream of them errored. */
  skipped: TestOutcome[];
  brokenUpstream: NodeResult[];
}

const isTest = (result: NodeResult, node: ManifestNode | undefined) => (node ? node.resourceType === 'test' : result.uniqueId.startsWith('test.'));

/** Sorts the tests of an invocation into failing, warning and skipped-because-upstream-broke. */
export function testOutcomes(run: RunResults, manifest: Manifest): TestOutcomes {
  const tests: TestOutcome[] = [];
  const brokenUpstream: NodeResult[] = [];
  for (const result of run.results) {
    const node = manifest.nodes.get(result.uniqueId);
    if (isTest(result, node)) tests.push({ result, name: node?.name ?? result.uniqueId, kind: node?.testMetadata?.name ?? 'singular' });
    else if (isProblem(result)) brokenUpstream.push(result);
  }
  return {
    tests,
    failing: tests.filter((t) => isProblem(t.result)),
    warning: tests.filter((t) => t.result.status === 'warn'),
    skipped: brokenUpstream.length ? tests.filter((t) => t.result.status === 'skipped') : [],
    brokenUpstream,
  };
}
