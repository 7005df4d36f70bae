import { IncomingMessage, request } from 'node:http';

/** A notice on GET /live. */
export interface Notice {
  kind: string;
  referralId?: string;
  personId?: string;
  serviceId?: string;
  status?: string;
  version?: number;
}

/** A console's live stream, as a partner's staff member opens it. */
export class LiveListener {
  readonly notices: Notice[] = [];
  private response?: IncomingMessage;
  raw = '';

  constructor(private readonly port: number, private readonly authorization: string) {}

  open(): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: this.port, path: '/live', headers: { authorization: this.authorization, accept: 'text/event-stream' } }, (res) => {
        this.response = res;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          this.raw += chunk;
          for (const block of chunk.split('\n\n')) {
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (data) this.notices.push(JSON.parse(data.slice(6)));
          }
          if (this.raw.includes(': connected')) resolve(res.statusCode ?? 0);
        });
        if (res.statusCode !== 200) resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  }

  async until(predicate: (n: Notice) => boolean): Promise<Notice> {
    for (let i = 0; i < 100; i += 1) {
      const found = this.notices.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no such notice; got ${JSON.stringify(this.notices)}`);
  }

  close(): void {
    this.response?.destroy();
  }
}
