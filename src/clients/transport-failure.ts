/** A call that got no complete answer: what happened in words, and whether an answer had begun (cut short). */
export interface TransportFailure {
  words: string;
  cutShort: boolean;
}

/** Network error codes (Node's and undici's) and what they mean to an engineer. */
const codeWords: Record<string, TransportFailure> = {
  ECONNREFUSED: { words: 'nothing accepts connections there (connection refused)', cutShort: false },
  ECONNRESET: { words: 'the connection was reset before the answer was complete', cutShort: true },
  EPIPE: { words: 'the connection was closed while the request was sent', cutShort: false },
  ENOTFOUND: { words: 'the host name does not resolve (DNS)', cutShort: false },
  EAI_AGAIN: { words: 'the host name could not be resolved just now (DNS)', cutShort: false },
  ETIMEDOUT: { words: 'the connection timed out', cutShort: false },
  EHOSTUNREACH: { words: 'the host cannot be reached (network route)', cutShort: false },
  UND_ERR_SOCKET: { words: 'the connection closed before the answer was complete', cutShort: true },
  UND_ERR_CONNECT_TIMEOUT: { words: 'the connection timed out', cutShort: false },
  UND_ERR_HEADERS_TIMEOUT: { words: 'no answer came in time', cutShort: false },
  UND_ERR_BODY_TIMEOUT: { words: 'the answer stopped arriving', cutShort: true },
  CERT_HAS_EXPIRED: { words: "the server's TLS certificate has expired", cutShort: false },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { words: "the server's TLS certificate cannot be verified (a proxy that intercepts TLS?)", cutShort: false },
};

/** The errors of a chain: the error, its cause, and theirs (bounded). */
function chain(error: unknown): Array<{ name?: string; code?: string; message?: string }> {
  const found: Array<{ name?: string; code?: string; message?: string }> = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && found.length < 5) {
    found.push(current as { name?: string; code?: string; message?: string });
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

/**
 * What stopped a call from getting a complete answer (refused, reset, DNS, TLS, a timeout, a body cut short),
 * from the error codes of the error and its causes; null when the error is not a transport failure.
 */
export function transportFailure(error: unknown, timeoutMs?: number): TransportFailure | null {
  const errors = chain(error);
  for (const e of errors) {
    const known = e.code ? codeWords[e.code] : undefined;
    if (known) return known;
  }
  if (errors.some((e) => e.name === 'TimeoutError')) {
    return { words: timeoutMs ? `no answer within ${timeoutMs / 1000} s` : 'no answer in time', cutShort: false };
  }
  // undici's fetch reports a body cut short as `TypeError: terminated` (its cause carries the socket's code when it has one).
  if (errors.some((e) => e.name === 'TypeError' && e.message === 'terminated')) return { words: 'the connection closed before the answer was complete', cutShort: true };
  if (errors.some((e) => e.code === 'ERR_STREAM_PREMATURE_CLOSE' || e.message === 'aborted')) return { words: 'the connection closed before the answer was complete', cutShort: true };
  return null;
}
