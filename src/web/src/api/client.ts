/**
 * The one way the console talks to the API. Sessions ride on the HttpOnly
 * `atrium_session` cookie; every write echoes the readable `atrium_csrf`
 * cookie in `x-csrf-token` (double-submit), which a cross-site page cannot do.
 */

interface FieldProblem {
  field: string;
  location?: string;
  message: string;
}

/** An error answer of the API (`{"error": {code, message, details}}`) or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * Messages per form field. Validation errors carry `[{field, message}]`;
   * conflicts such as a taken slug carry `{field}` and the main message.
   * Nested fields are also indexed by their first segment (`headers.x` → `headers`).
   */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    const add = (field: string, message: string) => {
      out[field] ??= message;
      const head = field.split('.')[0];
      out[head] ??= message;
    };
    if (Array.isArray(this.details)) {
      for (const d of this.details as Partial<FieldProblem>[]) {
        if (d && typeof d.field === 'string') add(d.field, humanize(d.message ?? 'is invalid'));
      }
    } else if (this.details && typeof this.details === 'object') {
      const field = (this.details as { field?: unknown }).field;
      // Messages like "url is not allowed: …" name the field first; under the field that reads twice.
      if (typeof field === 'string') add(field, this.message.startsWith(`${field} `) ? humanize(this.message.slice(field.length + 1)) : this.message);
    }
    return out;
  }
}

/** Turns validator wording ("must NOT have fewer than 8 characters") into sentences people read. */
function humanize(message: string): string {
  const m = message.trim();
  const fewer = /^must NOT have fewer than (\d+) characters?$/.exec(m);
  if (fewer) return fewer[1] === '1' ? 'This field is required.' : `Use at least ${fewer[1]} characters.`;
  const more = /^must NOT have more than (\d+) characters?$/.exec(m);
  if (more) return `Use at most ${more[1]} characters.`;
  const items = /^must NOT have fewer than (\d+) items?$/.exec(m);
  if (items) return items[1] === '1' ? 'Pick at least one.' : `Pick at least ${items[1]}.`;
  if (m === 'is required') return 'This field is required.';
  if (/format "email"/.test(m)) return 'Enter a valid e-mail address.';
  if (/format "uri"/.test(m)) return 'Enter a full URL, like https://example.com/hook.';
  if (/^must match pattern/.test(m)) return 'Contains characters that are not allowed here.';
  const sentence = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

export function readCookie(name: string): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined;
}

/** Fired when the API says the session is gone, so the app can send the person to sign in. */
export const UNAUTHENTICATED_EVENT = 'atrium:unauthenticated';

type Query = Record<string, string | number | boolean | undefined | null>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie('atrium_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Could not reach atrium. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const apiError = new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `Request failed (${res.status} ${res.statusText})`, err?.details ?? null);
    if (res.status === 401 && !path.startsWith('/api/auth/')) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    throw apiError;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, { body: body ?? {}, headers }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T = void>(path: string) => request<T>('DELETE', path),
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
