import { AirflowUnreachableError } from './airflow-errors';
import { UnexpectedResponseError } from './service-error';
import { transportFailure } from './transport-failure';

/** What an operation's answer must be: JSON, or a task log in one of the forms the API sends. */
export type AirflowAnswer = 'json' | 'log';

const jsonType = /^application\/(problem\+)?json\b/i;
const logTypes = /^(application\/json|application\/x-ndjson|text\/plain)\b/i;

/** Refuses an answer whose content type cannot be the operation's (a sign-in page where a log was expected). */
export function checkAirflowAnswer(operation: string, response: Response, expected: AirflowAnswer): void {
  const type = response.headers.get('content-type') ?? '';
  const fits = expected === 'json' ? !type || jsonType.test(type) : !type || logTypes.test(type);
  if (fits) return;
  const wanted = expected === 'json' ? 'JSON' : 'the task log (text, NDJSON or JSON)';
  const what = /text\/html/i.test(type) ? `${type.split(';')[0]} (a sign-in or proxy page?)` : type.split(';')[0]!;
  throw new UnexpectedResponseError('Airflow', operation, 'content-type', wanted, type, `the answer is ${what}, expected ${wanted}`, { status: response.status });
}

/** Reads an answer's text; a connection that closes mid-answer is named as such (undici says `TypeError: terminated`). */
export async function readAirflowText(operation: string, response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    throw bodyFailure(operation, response.url, cause);
  }
}

/** The error for an answer whose body could not be read to its end. */
export function bodyFailure(operation: string, url: string, cause: unknown): Error {
  const transport = transportFailure(cause);
  return new AirflowUnreachableError(operation, url, transport?.words ?? `the answer could not be read (${(cause as Error).message})`, { cause });
}

/** Reads a JSON answer: content type checked, body read to its end, parsed; each failure names the operation. */
export async function readAirflowJson(operation: string, response: Response): Promise<unknown> {
  checkAirflowAnswer(operation, response, 'json');
  const text = await readAirflowText(operation, response);
  try {
    return JSON.parse(text);
  } catch (cause) {
    const received = text.length === 0 ? 'an empty body' : `${text.length} bytes that do not parse`;
    throw new UnexpectedResponseError('Airflow', operation, text.length === 0 ? 'empty-body' : 'not-json', 'JSON', received, `the answer is not valid JSON (${received}: cut short, or not from Airflow)`, { cause, status: response.status });
  }
}
