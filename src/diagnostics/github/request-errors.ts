import { ServiceCallError } from '../../clients/service-error';

/** The HTTP status of an Octokit RequestError or of a GitHub call error, or null for anything else (a timeout, a network failure). */
export function githubStatus(error: unknown): number | null {
  if (error instanceof ServiceCallError) return error.status ?? null;
  if (error instanceof Error && error.name === 'HttpError') {
    const status = (error as { status?: unknown }).status;
    return typeof status === 'number' ? status : null;
  }
  return null;
}
