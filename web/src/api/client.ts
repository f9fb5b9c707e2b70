// Thin fetch wrapper: JSON in, JSON out, problem+json turned into an ApiError the UI can show
// in the user's language.

export interface ProblemBody {
  code: string;
  status: number;
  title: string;
  messages?: { vi: string; en: string };
  errors?: Array<{ path: string; message: string | { vi: string; en: string }; code?: string }>;
  requestId?: string;
  currentVersion?: number;
}

export class ApiError extends Error {
  constructor(readonly problem: ProblemBody) {
    super(problem.title);
  }
}

export async function api<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(
      data && typeof data.code === 'string'
        ? (data as ProblemBody)
        : { code: 'server.internal', status: response.status, title: response.statusText },
    );
  }
  return data as T;
}

/** A fresh idempotency key per user action; a retried click reuses the same one. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
