import http from 'node:http';

// A minimal text/event-stream reader for tests: connects, parses frames, waits for one that
// matches, and can be closed.

export interface SseFrame {
  event: string;
  id: string | null;
  data: string;
}

export interface SseConnection {
  status: number;
  headers: http.IncomingHttpHeaders;
  frames: SseFrame[];
  waitFor(match: (f: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  close(): void;
}

export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const frames: SseFrame[] = [];
    const waiters: Array<{ match: (f: SseFrame) => boolean; resolve: (f: SseFrame) => void }> = [];
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: SseFrame = { event: 'message', id: null, data: '' };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'event') frame.event = value;
            else if (field === 'id') frame.id = value;
            else if (field === 'data') {
              frame.data += (hasData ? '\n' : '') + value;
              hasData = true;
            }
          }
          if (!hasData) continue;
          frames.push(frame);
          for (const w of [...waiters]) {
            if (w.match(frame)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(frame);
            }
          }
        }
      });
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        frames,
        waitFor(match, timeoutMs = 10_000) {
          const found = frames.find(match);
          if (found) return Promise.resolve(found);
          return new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error(`no matching event within ${timeoutMs} ms; got ${frames.map((f) => f.event).join(', ')}`)), timeoutMs);
            waiters.push({ match, resolve: (f) => (clearTimeout(timer), res(f)) });
          });
        },
        close() {
          request.destroy();
        },
      });
    });
    request.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(e);
    });
  });
}
