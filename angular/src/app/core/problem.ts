import { HttpErrorResponse } from '@angular/common/http';

/** RFC 9457 problem details as the API answers them: a stable code, and field errors for validation. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
  /** The problem's other plain values (a plan limit's `limit` and `count`): the placeholders of its message. */
  params?: Record<string, string | number | boolean>;
}

/** RFC 9457 members and the ones this API always sends; everything else plain is a message parameter. */
const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'traceId']);

/** Turns whatever a failed call threw into a problem the page can show; network failures get status 0. */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    const body = parseText(error.error) as Partial<Problem> | string | null;
    if (body && typeof body === 'object' && (body.title || body.code)) {
      return {
        status: error.status,
        title: body.title ?? '',
        detail: body.detail,
        code: body.code,
        errors: lowerKeys(body.errors),
        params: extensions(body as Record<string, unknown>),
      };
    }
    return { status: error.status, title: '' };
  }
  return { status: -1, title: error instanceof Error ? error.message : '' };
}

/**
 * Operations whose success has no body are generated with responseType 'text', so their refusals arrive as the
 * problem's JSON in a string: read it back.
 */
function parseText(body: unknown): unknown {
  if (typeof body !== 'string' || !body.trim().startsWith('{')) {
    return body;
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** The problem's extension members with a plain value, or none. */
function extensions(body: Record<string, unknown>): Record<string, string | number | boolean> | undefined {
  const params: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!STANDARD_MEMBERS.has(key) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
      params[key] = value;
    }
  }
  return Object.keys(params).length ? params : undefined;
}

/** Field errors keyed by the camelCase field name the forms use ("Title" and "title" are the same field). */
function lowerKeys(errors: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (!errors) {
    return undefined;
  }
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const field = key.length ? key[0].toLowerCase() + key.slice(1) : key;
    result[field] = [...(result[field] ?? []), ...messages];
  }
  return result;
}

/** The messages for one field, or none. */
export function fieldErrors(problem: Problem | null | undefined, field: string): string[] {
  return problem?.errors?.[field] ?? [];
}
