/**
 * ECMA-48 escape sequences as terminals read them: CSI (`ESC [ … m`, colours and cursor moves, also as the
 * single C1 character U+009B), OSC (`ESC ] … BEL` or `ESC ] … ESC \`, hyperlinks and titles), charset
 * selection (`ESC ( B`) and the other two-character escapes.
 */
const escapeSequence = /(?:\x1b\[|\u009b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()*+][0-9A-Za-z]|\x1b[@-Z\\-_]/g;

/** Text without terminal escape sequences: what a person reading the coloured output sees. */
export function stripAnsi(text: string): string {
  return text.replace(escapeSequence, '');
}
