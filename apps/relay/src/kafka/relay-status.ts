/** starting → standby ⇄ leader → stopped; failed when the router threw or the log could not be read (the relay will not skip the event). */
export type RelayRole = 'starting' | 'standby' | 'leader' | 'stopped' | 'failed';

export interface RelayStatus {
  instanceId: string;
  role: RelayRole;
  /** The instance holding the publishing lease now, if any (this one when leader). */
  leaseHolder: string | null;
  /** Global position up to which the broker acknowledged every message. */
  checkpoint: number;
  /** Whether the last send reached the broker; null until this instance has sent anything. */
  brokerReachable: boolean | null;
  /** ISO time of the last acknowledged batch of this instance. */
  lastAcknowledgedAt: string | null;
  /** Why the relay failed (no personal data: the error's message only). */
  failure: string | null;
}
