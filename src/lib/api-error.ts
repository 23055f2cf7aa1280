import { ErrorBody, type ValidationIssue } from '@/contract/common-read';

/** A failed request, with the platform's FastAPI-shaped `detail` decoded. */
export class ApiError extends Error {
  readonly status: number;
  readonly issues: ValidationIssue[];
  /** The platform's `Retry-After`, in seconds: no retry, automatic or by hand, may be sent sooner. */
  readonly retryAfterSeconds: number | null;
  /**
   * The platform's `detail` when it was a string, as sent; null when the body
   * had none (not JSON, another shape, or a validation list). Tells a route the
   * platform does not have (`{"detail": "Not Found"}`) from a resource it does
   * not have (`{"detail": "Service not found"}`): see `lib/capabilities.ts`.
   */
  readonly detail: string | null;
  /** When the answer arrived (epoch ms): `Retry-After` counts from here. */
  readonly receivedAt: number;

  constructor(
    status: number,
    message: string,
    issues: ValidationIssue[] = [],
    retryAfterSeconds: number | null = null,
    detail: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.issues = issues;
    this.retryAfterSeconds = retryAfterSeconds;
    this.detail = detail;
    this.receivedAt = Date.now();
  }

  /** The earliest moment a retry may be sent (epoch ms), when the platform named one. */
  get retryNotBefore(): number | null {
    return this.retryAfterSeconds === null ? null : this.receivedAt + this.retryAfterSeconds * 1000;
  }

  /** True for failures where trying the same request again may succeed. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  static async fromResponse(res: Response): Promise<ApiError> {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      // not JSON: fall through to the status text
    }
    const retryAfterSeconds = parseRetryAfter(res.headers.get('Retry-After'));
    const parsed = ErrorBody.safeParse(body);
    if (!parsed.success) {
      return new ApiError(res.status, defaultMessage(res.status, res.statusText), [], retryAfterSeconds);
    }
    const { detail } = parsed.data;
    if (typeof detail === 'string') return new ApiError(res.status, detail, [], retryAfterSeconds, detail);
    const message = detail.map((d) => `${fieldName(d.loc) ?? 'request'}: ${d.msg}`).join('; ');
    return new ApiError(res.status, message || defaultMessage(res.status, res.statusText), detail, retryAfterSeconds);
  }

  static network(cause: unknown): ApiError {
    const err = new ApiError(0, 'Could not reach the platform. Check your connection and try again.');
    err.cause = cause;
    return err;
  }
}

/** `Retry-After` is seconds (`30`) or an HTTP date; either becomes whole seconds from now, null when absent or past. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = /^\s*\d+\s*$/.test(header) ? Number(header) : (Date.parse(header) - now) / 1000;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

/** `["body","ring_id"]` → `"ring_id"`; `["body","a","b"]` → `"a.b"`; body-level → null. */
export function fieldName(loc: (string | number)[]): string | null {
  const rest = loc[0] === 'body' || loc[0] === 'query' || loc[0] === 'path' ? loc.slice(1) : loc;
  return rest.length ? rest.join('.') : null;
}

function defaultMessage(status: number, statusText: string): string {
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'Your role does not allow this.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 500) return 'The platform had a problem. Try again.';
  return statusText || `Request failed (${status})`;
}
