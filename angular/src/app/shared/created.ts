import { HttpClient, HttpContext, HttpRequest, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, firstValueFrom, tap } from 'rxjs';
import { Api } from '../api/api';
import { StrictHttpResponse } from '../api/strict-http-response';

type CreateFn<P> = (http: HttpClient, rootUrl: string, params: P, context?: HttpContext) => Observable<StrictHttpResponse<unknown>>;

/**
 * The id of what a create made: every create answers 201 with `{ "id": "<guid>" }`, read from the body (never from a header).
 * Accepts the parsed body or its JSON text.
 */
export function createdId(body: unknown): string {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return '';
    }
  }
  if (value && typeof value === 'object' && 'id' in value) {
    return String((value as { id: unknown }).id ?? '');
  }
  return '';
}

/**
 * Calls a generated create function and answers the new id from the response body. Adapter while the committed
 * client still types some creates as "no body" (it then drops the body): the raw response is read on the way. Once
 * the regenerated client types the 201 as `{ id }`, `(await api.invoke(fn, params)).id` does the same.
 */
@Injectable({ providedIn: 'root' })
export class Creator {
  private readonly api = inject(Api);
  private readonly http = inject(HttpClient);

  async create<P>(fn: CreateFn<P>, params: P): Promise<string> {
    let body: unknown;
    const reading = {
      request: (request: HttpRequest<unknown>) =>
        this.http.request(request).pipe(
          tap((event) => {
            if (event instanceof HttpResponse) {
              body = event.body;
            }
          }),
        ),
    } as unknown as HttpClient;
    await firstValueFrom(fn(reading, this.api.rootUrl, params));
    return createdId(body);
  }
}
