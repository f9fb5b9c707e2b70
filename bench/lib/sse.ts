import http from 'node:http';
import { assertLocalHost } from './postgres';

// A minimal server-sent-events subscriber (text/event-stream over HTTP/1.1), enough to hold
// thousands of open board connections from one process and time each event's arrival.

export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
  receivedAt: number;
}

export interface SseSubscriber {
  status: number;
  close(): void;
  closed: Promise<void>;
}

export function subscribe(
  url: string,
  headers: Record<string, string>,
  onEvent: (event: SseEvent) => void,
  agent?: http.Agent,
): Promise<SseSubscriber> {
  const u = new URL(url);
  assertLocalHost(u.hostname);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: Number(u.port), path: `${u.pathname}${u.search}`, method: 'GET', headers: { accept: 'text/event-stream', ...headers }, agent: agent ?? false },
      (res) => {
        req.setTimeout(0); // an open stream may stay quiet for long
        let closedResolve!: () => void;
        const closed = new Promise<void>((r) => (closedResolve = r));
        res.on('close', () => closedResolve());
        res.on('error', () => closedResolve());
        if (res.statusCode !== 200) {
          res.resume();
          resolve({ status: res.statusCode ?? 0, close: () => req.destroy(), closed });
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          const receivedAt = performance.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + (buffer[end] === '\r' ? 4 : 2));
            const event: SseEvent = { data: '', receivedAt };
            const data: string[] = [];
            for (const line of block.split(/\r?\n/)) {
              if (line.startsWith(':')) continue;
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'data') data.push(value);
              else if (field === 'id') event.id = value;
              else if (field === 'event') event.event = value;
            }
            if (data.length === 0 && !event.event) continue;
            event.data = data.join('\n');
            onEvent(event);
          }
        });
        resolve({ status: 200, close: () => req.destroy(), closed });
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('SSE connect timeout')));
    req.end();
  });
}
