import { HealthRegistry } from './health-registry';

describe('HealthRegistry', () => {
  it('reports every registered part, by name; a degraded critical part makes the process unhealthy, another only shows', () => {
    const registry = new HealthRegistry();
    let feed: 'ok' | 'degraded' = 'ok';
    registry.register('relay', () => ({ status: 'degraded', detail: 'broker unreachable' }), { critical: false });
    registry.register('partner-feed', () => ({ status: feed, position: 12 }));
    expect(registry.report()).toEqual({
      healthy: true,
      components: { 'partner-feed': { status: 'ok', position: 12, critical: true }, relay: { status: 'degraded', detail: 'broker unreachable', critical: false } },
    });
    feed = 'degraded';
    expect(registry.report().healthy).toBe(false);
  });

  it('is healthy with nothing registered', () => {
    expect(new HealthRegistry().report()).toEqual({ healthy: true, components: {} });
  });
});
