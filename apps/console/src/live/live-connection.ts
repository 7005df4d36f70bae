import { SseParser } from './sse-parser';

/** What the platform says changed (never personal details: the console reads the thing again). */
export type LiveNotice =
  | { kind: 'referral'; referralId: string; personId: string; status: string; version: number; position: number }
  | { kind: 'person'; personId: string; version: number; position: number }
  | { kind: 'service'; serviceId: string; position: number };

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/**
 * Follows GET /live with the staff member's token in the Authorization header (EventSource cannot send one,
 * and a token in a URL ends up in logs), reconnecting with a growing pause when the connection drops.
 */
export function connectLive(token: string, onNotice: (notice: LiveNotice) => void, onState: (state: LiveState) => void): () => void {
  const stop = new AbortController();
  let pause = 1000;
  const run = async () => {
    while (!stop.signal.aborted) {
      onState('connecting');
      try {
        const response = await fetch('/live', { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: stop.signal });
        if (!response.ok || !response.body) throw new Error(`live stream answered ${response.status}`);
        onState('live');
        pause = 1000;
        const parser = new SseParser();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const event of parser.push(value)) {
            try {
              onNotice(JSON.parse(event.data) as LiveNotice);
            } catch {
              // A malformed notice is skipped; the next read of the screen shows the truth anyway.
            }
          }
        }
      } catch {
        if (stop.signal.aborted) return;
      }
      onState('reconnecting');
      await new Promise((r) => setTimeout(r, pause));
      pause = Math.min(pause * 2, 5_000);
    }
  };
  void run();
  return () => stop.abort();
}
