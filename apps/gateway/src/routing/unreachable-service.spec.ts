import { neverReached, unreachableService } from './unreachable-service';

describe("the gateway's answer when a service does not answer", () => {
  it('is 503 naming the service when nothing listens there', () => {
    expect(unreachableService('directory', { statusCode: 500, code: 'FST_REPLY_FROM_INTERNAL_SERVER_ERROR', cause: { code: 'ECONNREFUSED' } })).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      rule: 'gateway.service-unavailable',
      message: 'the directory service is not answering; the other services still are. Try again shortly',
      details: { service: 'directory' },
    });
    expect(unreachableService('relay', { statusCode: 503, code: 'FST_REPLY_FROM_SERVICE_UNAVAILABLE', cause: { code: 'ENOTFOUND' } })).toMatchObject({ statusCode: 503, details: { service: 'relay' } });
  });
  it('is 504 when the service took longer than GATEWAY_TIMEOUT_MS', () => {
    expect(unreachableService('insights', { statusCode: 504, code: 'FST_REPLY_FROM_GATEWAY_TIMEOUT', cause: { code: 'UND_ERR_HEADERS_TIMEOUT' } })).toMatchObject({ statusCode: 504, rule: 'gateway.service-timeout', details: { service: 'insights' } });
  });
  it('is 502 when the connection broke off mid-answer', () => {
    expect(unreachableService('referrals', { statusCode: 500, code: 'ECONNRESET' })).toMatchObject({ statusCode: 502, rule: 'gateway.service-failed', message: expect.stringContaining('referrals service') });
  });
  it('counts as never reached only a connection that was not made: another instance may then be tried, a write included', () => {
    expect(neverReached({ statusCode: 503, code: 'FST_REPLY_FROM_SERVICE_UNAVAILABLE', cause: { code: 'ECONNREFUSED' } })).toBe(true);
    expect(neverReached({ code: 'UND_ERR_CONNECT_TIMEOUT' })).toBe(true);
    expect(neverReached({ statusCode: 500, code: 'ECONNRESET' })).toBe(false);
    expect(neverReached({ statusCode: 504, code: 'FST_REPLY_FROM_GATEWAY_TIMEOUT', cause: { code: 'UND_ERR_HEADERS_TIMEOUT' } })).toBe(false);
    // A 503 the proxy reports without a socket code could be anything: not retried.
    expect(neverReached({ statusCode: 503 })).toBe(false);
  });
});
