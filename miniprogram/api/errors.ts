/** An action's refusal or a transport failure, with Chinese text a person can read. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const NETWORK_ERROR = 'NETWORK';

/** Network trouble (no answer at all): worth retrying with the same idempotency key. */
export function isNetworkError(err: unknown): boolean {
  return err instanceof ApiError && err.code === NETWORK_ERROR;
}

export function networkError(): ApiError {
  return new ApiError(NETWORK_ERROR, '网络连接失败，请检查网络后重试');
}
