import { HttpErrorResponse } from '@angular/common/http';

/**
 * Calls whose success has no body are generated with responseType 'text', so their refusals arrive as a JSON
 * string that toProblem cannot read: parse it back into the problem details object before the page sees it.
 */
export async function withJsonErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw parsed(error);
  }
}

export function parsed(error: unknown): unknown {
  if (error instanceof HttpErrorResponse && typeof error.error === 'string' && error.error.trim().startsWith('{')) {
    try {
      return new HttpErrorResponse({
        error: JSON.parse(error.error) as unknown,
        headers: error.headers,
        status: error.status,
        statusText: error.statusText,
        url: error.url ?? undefined,
      });
    } catch {
      return error;
    }
  }
  return error;
}
