import { HttpErrorResponse } from '@angular/common/http';
import { StrictHttpResponse } from '../api/strict-http-response';

/**
 * Saves a file the API answered (an export) under the name its `Content-Disposition` gives. The request goes through
 * the generated client, so the interceptor adds the bearer token: a bare link to the API would go without it.
 */
export async function saveDownload(request: () => Promise<StrictHttpResponse<Blob>>, fallbackName: string): Promise<string> {
  let response: StrictHttpResponse<Blob>;
  try {
    response = await request();
  } catch (error) {
    throw await readBlobError(error);
  }
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(response.body);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

/** The file name of a `Content-Disposition` header: the RFC 5987 `filename*` when present, else `filename`. */
export function fileNameOf(header: string | null | undefined): string | undefined {
  if (!header) {
    return undefined;
  }
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = (plain?.[2] ?? plain?.[1])?.trim();
  return name || undefined;
}

/**
 * A refusal of a file download arrives as a Blob (the request asked for one): read it back as text so `toProblem`
 * finds the problem's code and message in it.
 */
export async function readBlobError(error: unknown): Promise<unknown> {
  if (error instanceof HttpErrorResponse && error.error instanceof Blob) {
    return new HttpErrorResponse({
      error: await error.error.text(),
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  }
  return error;
}
