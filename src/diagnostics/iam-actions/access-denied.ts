/** An access denial quoted from a log: the line, and the action and principal when the message names them. */
export interface AccessDenial {
  line: string;
  action: string | null;
  principal: string | null;
  resource: string | null;
}

const denialLine = /\bAccessDenied(?:Exception)?\b|\bis not authorized to perform\b|\bUnauthorizedOperation\b|\bAccess Denied\b/;
const notAuthorized = /(arn:aws[\w-]*:(?:sts|iam)::\d{12}:[\w+=,.@/-]+) is not authorized to perform: ([\w-]+:[\w*]+)(?: on resource: (\S+?)(?:[\s,]|$))?/;

/** Finds AWS access denials in log lines (bounded to `max`), with the denied action where the message gives it. */
export function findAccessDenials(lines: readonly string[], max = 20): AccessDenial[] {
  const found: AccessDenial[] = [];
  for (const line of lines) {
    if (!denialLine.test(line)) continue;
    const match = notAuthorized.exec(line);
    found.push({ line: line.trim().slice(0, 500), principal: match?.[1] ?? null, action: match?.[2] ?? null, resource: match?.[3] ?? null });
    if (found.length >= max) break;
  }
  return found;
}
