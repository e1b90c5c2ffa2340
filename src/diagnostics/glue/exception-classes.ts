const javaClass = /\b((?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Failure))\b/g;
const pythonClass = /(?:^|[\s(])([A-Z][A-Za-z0-9]*(?:Exception|Error)):/g;

/** Exception class names in log lines (`java.lang.OutOfMemoryError`, `pyspark.sql.utils.AnalysisException`, `ValueError:`), counted, most frequent first. */
export function countExceptionClasses(lines: readonly string[]): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const names = new Set<string>();
    for (const match of line.matchAll(javaClass)) names.add(match[1]!);
    for (const match of line.matchAll(pythonClass)) {
      if (![...names].some((name) => name.endsWith(`.${match[1]}`))) names.add(match[1]!);
    }
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
