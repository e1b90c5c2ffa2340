/** Raised for text that is not the Python repr of a list of string tuples; says where reading stopped. */
export class PythonReprError extends Error {
  override name = 'PythonReprError';
  constructor(readonly position: number, readonly expected: string) {
    super(`Unexpected input at character ${position} of the log content, expected ${expected}`);
  }
}

const simpleEscapes: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };
const hexEscapes: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Reads the Python repr of a list of string tuples, as Airflow 2's log endpoint sends `content`:
 * `[('worker-1', '*** Found local files:\n…'), …]`. Each string is in single quotes, or in double quotes
 * when it holds a `'` (which task logs nearly always do), with Python's escapes (`\n`, `\\`, `\'`, `\x1b`, `\u2014`, …).
 */
export function parseTupleListRepr(text: string): string[][] {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[at] !== char) throw new PythonReprError(at, `"${char}"`);
    at++;
  };
  const accept = (char: string) => {
    skipSpace();
    if (text[at] !== char) return false;
    at++;
    return true;
  };
  const string = (): string => {
    skipSpace();
    const quote = text[at];
    if (quote !== "'" && quote !== '"') throw new PythonReprError(at, 'a quoted string');
    let out = '';
    for (at++; at < text.length && text[at] !== quote; at++) {
      if (text[at] !== '\\') {
        out += text[at];
        continue;
      }
      const code = text[++at] ?? '';
      const width = hexEscapes[code];
      if (width) {
        const hex = text.slice(at + 1, at + 1 + width);
        if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw new PythonReprError(at, `${width} hex digits after \\${code}`);
        out += String.fromCodePoint(parseInt(hex, 16));
        at += width;
      } else out += simpleEscapes[code] ?? `\\${code}`;
    }
    if (at >= text.length) throw new PythonReprError(at, `the closing ${quote}`);
    at++;
    return out;
  };
  const tuple = (): string[] => {
    expect('(');
    const items: string[] = [];
    while (!accept(')')) {
      items.push(string());
      if (!accept(',')) {
        expect(')');
        break;
      }
    }
    return items;
  };
  expect('[');
  const tuples: string[][] = [];
  while (!accept(']')) {
    tuples.push(tuple());
    if (!accept(',')) {
      expect(']');
      break;
    }
  }
  skipSpace();
  if (at !== text.length) throw new PythonReprError(at, 'the end of the content');
  return tuples;
}
