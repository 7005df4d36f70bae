import { unreachableService } from './unreachable-service';

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
});
