// Filters live in the page address (?status=…&late=true) so a filtered list can be reloaded,
// bookmarked and linked to (e.g. the "late" count of a plan opens its late tasks).

export type Filters = Record<string, string>;

export const TASK_FILTER_KEYS = ['planId', 'agency', 'role', 'status', 'late', 'year', 'periodKind', 'dueBefore', 'gate', 'group', 'q'] as const;
export const PLAN_FILTER_KEYS = ['agency', 'province', 'status', 'year', 'gate', 'q'] as const;

/** The non-empty filters among the given keys. */
export function readFilters(params: URLSearchParams, keys: readonly string[]): Filters {
  const result: Filters = {};
  for (const key of keys) {
    const value = params.get(key)?.trim();
    if (value) result[key] = value;
  }
  return result;
}

/** "?a=1&b=2" from the non-empty entries, or "" when there are none; keys in a stable order. */
export function toQuery(filters: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(filters).sort()) {
    const value = filters[key];
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Lines of a textarea as a list, blank lines dropped. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
