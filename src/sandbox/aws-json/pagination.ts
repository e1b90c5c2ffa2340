/** Raised when a client sends a pagination token this sandbox did not issue. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
  constructor(readonly token: string) {
    super(`Invalid pagination token: ${token.slice(0, 40)}`);
  }
}

/** One page of items and the token of the next, if any. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Cuts a page out of `items` from an opaque token (an encoded offset) and a page size. */
export function paginate<T>(items: readonly T[], pageSize: number, token: string | undefined): Page<T> {
  let offset = 0;
  if (token) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
    if (!decoded) throw new InvalidTokenError(token);
    offset = Number(decoded[1]);
  }
  const end = offset + pageSize;
  const page: Page<T> = { items: items.slice(offset, end) };
  if (end < items.length) page.nextToken = Buffer.from(`offset:${end}`).toString('base64');
  return page;
}
