/**
 * Escape sequences a terminal acts on: CSI (`ESC [ …`, colours, cursor moves, clearing; also as the C1
 * character U+009B), OSC (`ESC ] … BEL` or `ESC ] … ESC \`, hyperlinks and window titles; U+009D), the string
 * commands DCS, SOS, PM and APC (`ESC P|X|^|_ … ESC \`), and the other escapes (`ESC ( B`, `ESC c`).
 * An OSC or string command left unterminated ends at the end of its line.
 */
const escapeSequence = /(?:\x1b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\u009d)[^\x07\x1b\u009c\n]*(?:\x07|\x1b\\|\u009c)?|(?:\x1b[PX^_]|[\u0090\u0098\u009e\u009f])[^\x1b\u009c\n]*(?:\x1b\\|\u009c)?|\x1b[ -/]*[0-~]/g;

/** Control characters left once the sequences are gone: C0 but tab and newline (so BEL, backspace, carriage return, a lone ESC), DEL, and C1. */
const controlCharacter = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Unicode's bidirectional overrides and isolates, which make a line read other than it is stored. */
const bidiControl = /[\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted text (a log line, an error message) made safe to print: escape sequences and control characters removed, newlines and tabs kept. */
export function printable(text: string): string {
  return text.replace(escapeSequence, '').replace(controlCharacter, '').replace(bidiControl, '');
}

/** Every string inside a JSON-like value made plain-text, its shape kept. */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map(printableDeep) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [printable(key), printableDeep(item)])) as T;
  return value;
}
