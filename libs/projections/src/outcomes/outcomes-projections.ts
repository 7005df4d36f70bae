import type { RecordedEvent } from '@onedoor/event-store';
import { SnapshottedProjection } from '../projection';
import { snapshotShaped } from '../checkpoints/snapshot-shape';
import { ServiceCatalogue } from '../service-catalogue';
import { businessTimeOf } from './business-time';
import { ContractBook } from './contract-book';
import { GroupAttendanceLog } from './group-attendance-log';
import { OutcomesSources, OutcomesView } from './outcomes-view';
import { ParticipantHistories } from './participant-histories';
import { ReferralJourneys } from './referral-journeys';

/**
 * The outcomes read models together: contracts, participants' histories, referral journeys, group
 * attendance and the service catalogue (for localities and communities). One Projection, so the runner,
 * the API's time travel and the analyst CLI all feed them the same way.
 *
 * With `asOf`, events whose business time is after it are skipped (see businessTimeOf): what the log said
 * at that moment. The log is read in its own order, and an event's business time decides, not its place:
 * the same question therefore gives the same answer whenever it is asked.
 */
export class OutcomesProjections implements SnapshottedProjection {
  readonly name = 'outcomes';
  readonly contracts = new ContractBook();
  readonly histories = new ParticipantHistories();
  readonly journeys = new ReferralJourneys();
  readonly groups = new GroupAttendanceLog();
  readonly catalogue = new ServiceCatalogue();
  private readonly parts: SnapshottedProjection[] = [this.contracts, this.histories, this.journeys, this.groups, this.catalogue];
  /** Changes whenever a part's does: the parts' versions are summed into it (each only ever goes up). */
  readonly snapshotVersion = 1 + this.parts.reduce((sum, part) => sum + part.snapshotVersion, 0);
  private readonly cutoff: number | undefined;
  private lastPosition = 0;

  constructor(options: { asOf?: string } = {}) {
    this.cutoff = options.asOf === undefined ? undefined : Date.parse(options.asOf);
    if (this.cutoff !== undefined && Number.isNaN(this.cutoff)) throw new Error(`asOf must be an ISO date or date-time, not ${options.asOf}`);
  }

  get asOf(): string | undefined {
    return this.cutoff === undefined ? undefined : new Date(this.cutoff).toISOString();
  }

  /** Position of the last event offered (applied or skipped as after asOf). */
  get position(): number {
    return this.lastPosition;
  }

  apply(event: RecordedEvent): void {
    this.lastPosition = event.position;
    if (this.cutoff !== undefined) {
      const time = businessTimeOf(event);
      if (time !== undefined && time > this.cutoff) return;
    }
    for (const part of this.parts) part.apply(event);
  }

  reset(): void {
    this.lastPosition = 0;
    for (const part of this.parts) part.reset();
  }

  snapshot(): OutcomesSnapshot {
    return { asOf: this.asOf, position: this.lastPosition, versions: this.partVersions(), parts: Object.fromEntries(this.parts.map((part) => [part.name, part.snapshot()])) };
  }

  restore(state: unknown): void {
    const saved = snapshotShaped<OutcomesSnapshot>(state, this.name, ['asOf', 'position', 'versions', 'parts']);
    // A checkpoint of the live projections must never become a time-travel view, nor the reverse.
    if (saved.asOf !== this.asOf) throw new Error(`${this.name}: the snapshot is as of ${saved.asOf ?? 'now'}, not ${this.asOf ?? 'now'}`);
    const versions = this.partVersions();
    const changed = Object.keys(versions).filter((name) => saved.versions[name] !== versions[name]);
    if (changed.length) throw new Error(`${this.name}: the snapshot versions of ${changed.join(', ')} changed`);
    for (const part of this.parts) part.restore(saved.parts[part.name]);
    this.lastPosition = saved.position;
  }

  private partVersions(): Record<string, number> {
    return Object.fromEntries(this.parts.map((part) => [part.name, part.snapshotVersion]));
  }

  /** The reports at an instant: `asOf` when set, else the instant given (the clock's now for live numbers). */
  view(now?: string): OutcomesView {
    const at = this.asOf ?? now;
    if (at === undefined) throw new Error('a live outcomes view needs the instant to report at');
    const sources: OutcomesSources = { contracts: this.contracts, histories: this.histories, journeys: this.journeys, groups: this.groups, catalogue: this.catalogue };
    return new OutcomesView(sources, at);
  }
}

interface OutcomesSnapshot {
  asOf: string | undefined;
  position: number;
  versions: Record<string, number>;
  parts: Record<string, unknown>;
}

/** The outcomes projections as of `asOf`, built from the log (an array, or an iterator the CLI streams from a store). */
export async function outcomesAsOf(events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>, asOf: string): Promise<OutcomesProjections> {
  const projections = new OutcomesProjections({ asOf });
  for await (const event of events) projections.apply(event);
  return projections;
}

/** Reads a store's whole log in batches, as the runner does: for replays outside the runner. */
export async function* logOf(store: { readAll(after: number, limit: number): Promise<RecordedEvent[]> }, afterPosition = 0, batchSize = 500): AsyncGenerator<RecordedEvent> {
  let after = afterPosition;
  for (;;) {
    const batch = await store.readAll(after, batchSize);
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].position;
  }
}
