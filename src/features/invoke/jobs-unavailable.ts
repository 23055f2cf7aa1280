import { ApiError } from '@/lib/api-error';

/**
 * Whether a jobs call failed because the platform has no jobs API: 405 or 501,
 * or a 404 from the path itself ("Not found") rather than one naming the job
 * ("Job not found").
 */
export function jobsUnavailable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 405 || error.status === 501) return true;
  return error.status === 404 && !/job/i.test(error.message);
}
