/**
 * The ids of jobs submitted from this browser, per service, newest first, so
 * the Jobs panel can list them with one batch call. Job ids are not secrets;
 * they are kept in localStorage, at most `JOB_BATCH_MAX` of them.
 */
import { JOB_BATCH_MAX } from '@/contract/invoke';
import { browserStorage } from '@/lib/browser-storage';

const PREFIX = 'hs.jobs.';

const storage = () => browserStorage('localStorage');

export function recentJobIds(serviceId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(PREFIX + serviceId) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(0, JOB_BATCH_MAX) : [];
  } catch {
    return [];
  }
}

export function rememberJob(serviceId: string, jobId: string): string[] {
  const ids = [jobId, ...recentJobIds(serviceId).filter((id) => id !== jobId)].slice(0, JOB_BATCH_MAX);
  storage()?.setItem(PREFIX + serviceId, JSON.stringify(ids));
  return ids;
}

export function forgetJobs(serviceId: string, jobIds: readonly string[]): string[] {
  const drop = new Set(jobIds);
  const ids = recentJobIds(serviceId).filter((id) => !drop.has(id));
  if (ids.length) storage()?.setItem(PREFIX + serviceId, JSON.stringify(ids));
  else storage()?.removeItem(PREFIX + serviceId);
  return ids;
}
