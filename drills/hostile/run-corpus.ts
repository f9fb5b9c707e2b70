import type { HostileCase, Identity } from './corpus';

// Runs a hostile corpus through any transport (HTTP to a server process, or inject in a test)
// and judges every answer against the case's expectation.

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

export type Send = (c: HostileCase, headers: Record<string, string>) => Promise<Answer>;

export interface Violation {
  group: string;
  kind: string;
  name: string;
  request: string;
  as: Identity;
  status: number;
  reason: string;
  body: string;
}

export interface CorpusResult {
  cases: number;
  byStatus: Record<string, number>;
  byGroup: Record<string, number>;
  violations: Violation[];
  acceptedDeep: number;
}

export function judge(c: HostileCase, a: Answer): string | null {
  if (a.status >= 500) return `server error ${a.status}`;
  if (a.status === 0) return 'no answer';
  if (c.expect === 'refused' && !(a.status >= 400 && a.status < 500)) return `expected a 4xx refusal, got ${a.status}`;
  if (c.expect === 'not_2xx' && a.status < 300) return `cross-tenant or out-of-scope request succeeded (${a.status})`;
  if (c.expect === 'no_leak' && a.status < 300) {
    const leaked = (c.forbidden ?? []).filter((s) => a.body.includes(s));
    if (leaked.length > 0) return `answer shows another tenant's or gate's data (${leaked.join(', ')})`;
  }
  if (a.status >= 400 && !a.contentType.includes('application/problem+json')) return `a ${a.status} that is not problem+json (${a.contentType})`;
  return null;
}

export async function runCorpus(cases: HostileCase[], send: Send, auth: Record<Identity, Record<string, string>>, concurrency = 8): Promise<CorpusResult> {
  const result: CorpusResult = { cases: cases.length, byStatus: {}, byGroup: {}, violations: [], acceptedDeep: 0 };
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const c = cases[index];
      const headers: Record<string, string> = { ...auth[c.as] };
      if (c.body !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
      if (c.method !== 'GET') headers['idempotency-key'] = `hostile-${index}-${c.kind}`;
      let answer: Answer;
      try {
        answer = await send(c, headers);
      } catch (error) {
        answer = { status: 0, contentType: '', body: String((error as Error).message) };
      }
      result.byStatus[answer.status] = (result.byStatus[answer.status] ?? 0) + 1;
      result.byGroup[c.group] = (result.byGroup[c.group] ?? 0) + 1;
      if (c.deep && answer.status < 300) result.acceptedDeep++;
      const reason = judge(c, answer);
      if (reason) {
        result.violations.push({ group: c.group, kind: c.kind, name: c.name, request: `${c.method} ${c.url.slice(0, 200)}`, as: c.as, status: answer.status, reason, body: answer.body.slice(0, 300) });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}
