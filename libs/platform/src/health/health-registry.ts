import { Injectable } from '@nestjs/common';

/** What one background part of the process says of itself: running and caught up, still starting, or stopped. */
export interface ComponentHealth {
  status: 'ok' | 'starting' | 'degraded';
  /** Global log position it has taken in, where it follows the log. */
  position?: number;
  detail?: string;
}

interface Registration {
  check: () => ComponentHealth;
  /** A critical part that is degraded makes the whole process unready (503); the others are only shown. */
  critical: boolean;
}

/**
 * The process's background parts (read models, the outcomes projections, the partner feed, the Kafka relay)
 * register here so GET /health reports every one of them, not only the main read models: a projection that
 * stopped on a bad event must show, not fail silently.
 */
@Injectable()
export class HealthRegistry {
  private readonly parts = new Map<string, Registration>();

  register(name: string, check: () => ComponentHealth, options: { critical: boolean } = { critical: true }): void {
    this.parts.set(name, { check, critical: options.critical });
  }

  report(): { healthy: boolean; components: Record<string, ComponentHealth & { critical: boolean }> } {
    const components: Record<string, ComponentHealth & { critical: boolean }> = {};
    let healthy = true;
    for (const [name, { check, critical }] of [...this.parts].sort(([a], [b]) => a.localeCompare(b))) {
      const health = check();
      components[name] = { ...health, critical };
      if (critical && health.status === 'degraded') healthy = false;
    }
    return { healthy, components };
  }
}

/** A projection runner's state as health: running is ok, not yet started is starting, stopped or failed is degraded. */
export function runnerHealth(runner: { status: string; position: number }): ComponentHealth {
  const status = runner.status === 'running' ? 'ok' : runner.status === 'idle' ? 'starting' : 'degraded';
  return { status, position: runner.position, ...(status === 'degraded' ? { detail: `projections ${runner.status}` } : {}) };
}
