import { ServerSentEvent, SseParser } from './sse-parser';

const STREAM = ': connected\n\nevent: referral-changed\nid: 41\ndata: {"referralId":"r1"}\n\ndata: first line\ndata: second line\n\n';
const EXPECTED: ServerSentEvent[] = [
  { event: 'referral-changed', data: '{"referralId":"r1"}', id: '41' },
  { event: 'message', data: 'first line\nsecond line', id: '41' },
];

const feed = (parser: SseParser, chunks: string[]) => chunks.flatMap((chunk) => parser.push(chunk));

describe('SseParser', () => {
  it('reads whole events, with the default event name "message"', () => {
    expect(new SseParser().push(STREAM)).toEqual(EXPECTED);
  });

  it('reads the same events however the stream is cut, at every position', () => {
    for (let cut = 0; cut <= STREAM.length; cut += 1) {
      expect(feed(new SseParser(), [STREAM.slice(0, cut), STREAM.slice(cut)])).toEqual(EXPECTED);
    }
  });

  it('reads the same events one character at a time', () => {
    expect(feed(new SseParser(), [...STREAM])).toEqual(EXPECTED);
  });

  it('emits an event only once its blank line has arrived', () => {
    const parser = new SseParser();
    expect(parser.push('data: hello\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'message', data: 'hello' }]);
  });

  it('takes CRLF, and lone CR, as line ends, even with the CRLF split across chunks', () => {
    const crlf = STREAM.replace(/\n/g, '\r\n');
    expect(new SseParser().push(crlf)).toEqual(EXPECTED);
    expect(new SseParser().push(STREAM.replace(/\n/g, '\r'))).toEqual(EXPECTED);
    for (let cut = 0; cut <= crlf.length; cut += 1) {
      expect(feed(new SseParser(), [crlf.slice(0, cut), crlf.slice(cut)])).toEqual(EXPECTED);
    }
  });

  it('does not take the LF of a CRLF split across chunks for a blank line (which would end the event early)', () => {
    const parser = new SseParser();
    expect(parser.push('event: notice\r')).toEqual([]);
    expect(parser.push('')).toEqual([]);
    expect(parser.push('\ndata: a\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ event: 'notice', data: 'a' }]);
  });

  it('ignores comments, fields it does not know and events without data', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\nretry: 5000\n\nevent: ping\n\nfoo: bar\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('does not carry an event name into the next event', () => {
    expect(new SseParser().push('event: notice\ndata: a\n\ndata: b\n\n')).toEqual([
      { event: 'notice', data: 'a' },
      { event: 'message', data: 'b' },
    ]);
  });

  it('removes one space after the colon, and only one', () => {
    expect(new SseParser().push('data:no space\n\ndata:  two spaces\n\n')).toEqual([
      { event: 'message', data: 'no space' },
      { event: 'message', data: ' two spaces' },
    ]);
  });

  it('keeps colons inside the value, and reads a bare "data" line as an empty line of data', () => {
    expect(new SseParser().push('data: a: b\ndata\ndata: c\n\n')).toEqual([{ event: 'message', data: 'a: b\n\nc' }]);
  });

  it('keeps the last id for the events after it', () => {
    expect(new SseParser().push('id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n').map((e) => e.id)).toEqual(['1', '1', '2']);
  });
});
