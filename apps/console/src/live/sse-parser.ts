/** One server-sent event: its name and data (comments and retry lines are not events). */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Reads a text/event-stream as it arrives, chunk by chunk (a chunk may end anywhere, even mid-line), per the
 * HTML standard's event-stream rules: events end at a blank line, `data:` lines join with newlines.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;
  /** The last chunk ended on a CR: a LF starting the next chunk belongs to that CRLF, not a blank line. */
  private afterCr = false;

  push(chunk: string): ServerSentEvent[] {
    if (this.afterCr && chunk.length > 0) {
      if (chunk.startsWith('\n')) chunk = chunk.slice(1);
      this.afterCr = false;
    }
    this.buffer += chunk;
    const out: ServerSentEvent[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      if (width === 1 && newline === this.buffer.length - 1 && this.buffer[newline] === '\r') this.afterCr = true;
      this.buffer = this.buffer.slice(newline + width);
      if (line === '') {
        if (this.data.length > 0) out.push({ event: this.event || 'message', data: this.data.join('\n'), ...(this.id !== undefined ? { id: this.id } : {}) });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
      else if (field === 'id') this.id = value;
    }
    return out;
  }
}
