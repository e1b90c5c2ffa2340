/** One dot-separated part of a step id as a sort key: symptoms (`s2`), then numbered steps, then causes, checks and notes (`c1`, `k1`, `n1`). */
function partKey(part: string): [number, string, number] {
  const match = /^([a-z]*)(\d*)$/i.exec(part);
  if (!match) return [3, part, 0];
  const letters = match[1]!;
  return [letters === 's' ? 0 : letters === '' ? 1 : 2, letters, Number(match[2] || 0)];
}

/** Orders step ids as the runbook lists them: by scenario, symptoms first, then steps by number, then the rest (`3.1.s2` < `3.1.1` < `3.1.10` < `3.1.c1`). */
export function compareStepIds(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    if (left[index] === undefined) return -1;
    if (right[index] === undefined) return 1;
    const [x, y] = [partKey(left[index]!), partKey(right[index]!)];
    const order = x[0] - y[0] || x[1].localeCompare(y[1]) || x[2] - y[2];
    if (order !== 0) return order;
  }
  return 0;
}
