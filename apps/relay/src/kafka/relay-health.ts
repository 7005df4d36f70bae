import type { ComponentHealth } from '@onedoor/platform';
import type { RelayStatus } from './relay-status';

/** The relay as /health shows it: degraded when it failed, or leads without reaching the broker. */
export function relayHealth(status: RelayStatus): ComponentHealth {
  if (status.role === 'failed') return { status: 'degraded', position: status.checkpoint, detail: `failed: ${status.failure ?? 'unknown'}` };
  if (status.role === 'leader' && status.brokerReachable === false) return { status: 'degraded', position: status.checkpoint, detail: 'leader, but the broker is unreachable' };
  if (status.role === 'starting') return { status: 'starting', position: status.checkpoint };
  return { status: 'ok', position: status.checkpoint, detail: status.role };
}
