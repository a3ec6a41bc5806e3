/** The error adapters throw when a platform asks to slow down (HTTP 429 Retry-After, Matrix M_LIMIT_EXCEEDED). */

export class RetryAfterError extends Error {
  override name = 'RetryAfterError';
  /** How long the platform asked to wait before trying again. */
  readonly retryAfterMs: number;

  constructor(retryAfterMs: number, message = `rate limited: retry after ${retryAfterMs} ms`) {
    super(message);
    this.retryAfterMs = Math.max(0, retryAfterMs);
  }
}

/** The wait a platform asked for, if the error is a rate-limit refusal (ours, or any error carrying `retryAfterMs`). */
export function retryAfterOf(error: unknown): number | undefined {
  if (error instanceof RetryAfterError) return error.retryAfterMs;
  const value = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : undefined;
}
