import type { Tone } from '@/ui/badge';

/** A status's tone: success, a refusal (4xx) in amber, a failure (5xx) in red. */
export const statusTone = (status: number): Tone =>
  status >= 500 ? 'danger' : status >= 400 ? 'warning' : status >= 300 ? 'info' : status >= 200 ? 'success' : 'neutral';

/** The status filter's choices: the classes, then the codes the gateway answers with. */
export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const;
export const STATUS_CODES = [200, 201, 202, 204, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 502, 503, 504] as const;

/** What a caller kind means, in words. */
export const CALLER_WORDS: Record<string, string> = {
  user: 'A signed-in user',
  service_token: 'A service token',
  api_key: 'An API key',
  anonymous: 'No credential',
};
