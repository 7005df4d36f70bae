import { scratchDir } from '../scratch-dir';
import { settleDisk } from '../settle-disk';
import { atLeast, TARGETS, Verdict } from '../targets';
import { percentile, perSecond } from '../timing';
import { RawInserts } from './raw-inserts';
import { referralCreatedEvents, StreamEvent } from './referral-events';
import { StoreUnderTest, TimedAppends } from './store-appends';

export interface StoreScenario {
  /** Appends in flight at once (each caller starts its next append when its previous one is acknowledged). */
  inFlight: number;
  /** Events appended per repetition. */
  events: number;
  /** The repetition is cut into this many slices, store and raw taking turns slice by slice. */
  slices: number;
}

export interface StoreBenchPlan {
  scenarios: StoreScenario[];
  repetitions: number;
  /** Rows per repetition for the one-commit-per-insert context column (it is slow). */
  perCommitRows: number;
  warmupEvents: number;
}

export const STORE_PLAN: StoreBenchPlan = {
  scenarios: [
    { inFlight: 1, events: 2_000, slices: 20 },
    { inFlight: 50, events: 20_000, slices: 20 },
    { inFlight: 1000, events: 50_000, slices: 10 },
  ],
  repetitions: 5,
  perCommitRows: 1_000,
  warmupEvents: 5_000,
};

export const QUICK_STORE_PLAN: StoreBenchPlan = {
  scenarios: [
    { inFlight: 1, events: 400, slices: 8 },
    { inFlight: 50, events: 5_000, slices: 10 },
    { inFlight: 1000, events: 10_000, slices: 5 },
  ],
  repetitions: 1,
  perCommitRows: 200,
  warmupEvents: 1_000,
};

export interface StoreRepetition {
  events: number;
  storeMs: number;
  rawBatchedMs: number;
  rawPerCommitRows: number;
  rawPerCommitMs: number;
  commits: number;
  ratio: number;
  /** ms each store run alongside (by name) took for the same events. */
  alongsideMs: Record<string, number>;
}

/** Another event store doing the same appends in the same slices, reported next to ours. */
export interface AlongsideResult {
  name: string;
  perSec: number;
  /** Its rate ÷ raw same groups (the denominator of our ratio). */
  ratioToRawSameGroups: number;
  /** Its rate ÷ raw 1 per commit (one transaction per append, as it commits). */
  ratioToRawPerCommit: number;
  /** Our store's rate ÷ its rate. */
  oursToIt: number;
}

export interface StoreScenarioResult extends StoreScenario {
  repetitions: StoreRepetition[];
  /** Rates over all slices of all repetitions (total events / total time). */
  storePerSec: number;
  rawBatchedPerSec: number;
  rawPerCommitPerSec: number;
  /** storePerSec / rawBatchedPerSec. */
  ratio: number;
  /** Spread of the same ratio computed per repetition. */
  ratioMin: number;
  ratioMax: number;
  groups: { commitsPerRepetition: number; meanSize: number; p50Size: number; p90Size: number; maxSize: number };
  target: number;
  verdict: Verdict;
  alongside: AlongsideResult[];
}

export interface StoreBenchResult {
  plan: StoreBenchPlan;
  scenarios: StoreScenarioResult[];
  verdict: Verdict;
}

/**
 * The two sides of one repetition, on fresh storage: the store under test, and the raw baseline writing the
 * same events in transactions of the sizes the store's group commits just had (and, for context, one row
 * per commit). All three answer with elapsed milliseconds.
 */
export interface AppendBenchSides {
  appendConcurrently(events: StreamEvent[], inFlight: number): Promise<TimedAppends>;
  rawSameGroups(events: StreamEvent[], transactionSizes: number[]): Promise<number>;
  rawOnePerCommit(events: StreamEvent[], inFlight: number): Promise<number>;
  /** Other stores doing the same appends after the raw side in every slice (e.g. Emmett's), on their own storage. */
  alongside?: AlongsideStore[];
  close(): Promise<void>;
}

export interface AlongsideStore {
  name: string;
  /** Appends `events` from `inFlight` concurrent callers; returns the elapsed ms. */
  appendConcurrently(events: StreamEvent[], inFlight: number): Promise<number>;
}

/** The embedded default: SqliteEventStore against raw better-sqlite3, each on its own file in one scratch dir. */
async function openSqliteSides(): Promise<AppendBenchSides> {
  const dir = scratchDir('store');
  const store = new StoreUnderTest(dir.file('store.sqlite'));
  const raw = new RawInserts(dir.file('raw-batched.sqlite'));
  const rawPerCommit = new RawInserts(dir.file('raw-per-commit.sqlite'));
  settleDisk();
  return {
    appendConcurrently: (events, inFlight) => store.appendConcurrently(events, inFlight),
    rawSameGroups: async (events, sizes) => raw.write(events, sizes),
    rawOnePerCommit: async (events) => rawPerCommit.writeOnePerCommit(events),
    close: async () => {
      try {
        await store.close();
      } finally {
        raw.close();
        rawPerCommit.close();
        dir.dispose();
      }
    },
  };
}

export async function runStoreBench(
  plan: StoreBenchPlan,
  log: (line: string) => void,
  openSides: () => Promise<AppendBenchSides> = openSqliteSides,
  label = '(a)',
): Promise<StoreBenchResult> {
  log(`${label} warming up: ${plan.warmupEvents} events through the store and the raw baseline`);
  await repetition({ inFlight: 50, events: plan.warmupEvents, slices: 5 }, plan.perCommitRows, openSides);

  const scenarios: StoreScenarioResult[] = [];
  for (const scenario of plan.scenarios) {
    const reps: StoreRepetition[] = [];
    const groupSizes: number[] = [];
    for (let r = 0; r < plan.repetitions; r++) {
      const { rep, sizes } = await repetition(scenario, plan.perCommitRows, openSides);
      reps.push(rep);
      groupSizes.push(...sizes);
      log(
        `${label} in flight ${scenario.inFlight}, repetition ${r + 1}/${plan.repetitions}: ` +
          `store ${perSecond(rep.events, rep.storeMs).toFixed(0)}/s, raw same groups ${perSecond(rep.events, rep.rawBatchedMs).toFixed(0)}/s, ` +
          `raw 1/commit ${perSecond(rep.rawPerCommitRows, rep.rawPerCommitMs).toFixed(0)}/s, ratio ${rep.ratio.toFixed(2)}, ${rep.commits} commits` +
          Object.entries(rep.alongsideMs).map(([name, ms]) => `; ${name} ${perSecond(rep.events, ms).toFixed(0)}/s`).join(''),
      );
    }
    scenarios.push(summarise(scenario, reps, groupSizes));
  }
  return { plan, scenarios, verdict: scenarios.every((s) => s.verdict === 'PASS') ? 'PASS' : 'MISS' };
}

/**
 * One repetition on fresh storage. Slice by slice: the store appends the slice's events, then the raw
 * baseline writes the same events in transactions of exactly the sizes the store's group commits just
 * had, then raw one-commit-per-insert writes a few rows. Taking turns in short slices means both sides
 * meet the same disk weather (fsync latency on a shared VM disk drifts by several × within seconds).
 */
async function repetition(scenario: StoreScenario, perCommitRows: number, openSides: () => Promise<AppendBenchSides>) {
  const events = referralCreatedEvents(scenario.events);
  const sides = await openSides();
  const rep: StoreRepetition = { events: events.length, storeMs: 0, rawBatchedMs: 0, rawPerCommitRows: 0, rawPerCommitMs: 0, commits: 0, ratio: NaN, alongsideMs: {} };
  const sizes: number[] = [];
  try {
    for (const [slice, perCommitSlice] of slicesOf(events, scenario.slices, perCommitRows)) {
      const appended = await sides.appendConcurrently(slice, scenario.inFlight);
      rep.storeMs += appended.ms;
      rep.commits += appended.groupSizes.length;
      sizes.push(...appended.groupSizes);
      rep.rawBatchedMs += await sides.rawSameGroups(slice, appended.groupSizes);
      rep.rawPerCommitMs += await sides.rawOnePerCommit(perCommitSlice, scenario.inFlight);
      rep.rawPerCommitRows += perCommitSlice.length;
      for (const other of sides.alongside ?? []) {
        rep.alongsideMs[other.name] = (rep.alongsideMs[other.name] ?? 0) + (await other.appendConcurrently(slice, scenario.inFlight));
      }
    }
  } finally {
    await sides.close();
  }
  rep.ratio = rep.rawBatchedMs / rep.storeMs;
  return { rep, sizes };
}

/** Cuts `events` into `count` near-equal slices, each paired with its share of the per-commit rows. */
function* slicesOf(events: StreamEvent[], count: number, perCommitRows: number): Generator<[StreamEvent[], StreamEvent[]]> {
  const perCommitTotal = Math.min(perCommitRows, events.length);
  for (let s = 0; s < count; s++) {
    const from = Math.floor((s * events.length) / count);
    const to = Math.floor(((s + 1) * events.length) / count);
    const slice = events.slice(from, to);
    const perCommitFrom = Math.floor((s * perCommitTotal) / count);
    const perCommitTo = Math.floor(((s + 1) * perCommitTotal) / count);
    yield [slice, slice.slice(0, perCommitTo - perCommitFrom)];
  }
}

function summarise(scenario: StoreScenario, reps: StoreRepetition[], groupSizes: number[]): StoreScenarioResult {
  const sum = (pick: (r: StoreRepetition) => number) => reps.reduce((total, r) => total + pick(r), 0);
  const events = sum((r) => r.events);
  const storePerSec = perSecond(events, sum((r) => r.storeMs));
  const rawBatchedPerSec = perSecond(events, sum((r) => r.rawBatchedMs));
  const ratio = storePerSec / rawBatchedPerSec;
  const ratios = reps.map((r) => r.ratio);
  const rawPerCommitPerSec = perSecond(sum((r) => r.rawPerCommitRows), sum((r) => r.rawPerCommitMs));
  const alongside = Object.keys(reps[0].alongsideMs).map((name): AlongsideResult => {
    const perSec = perSecond(events, sum((r) => r.alongsideMs[name]));
    return { name, perSec, ratioToRawSameGroups: perSec / rawBatchedPerSec, ratioToRawPerCommit: perSec / rawPerCommitPerSec, oursToIt: storePerSec / perSec };
  });
  return {
    ...scenario,
    repetitions: reps,
    storePerSec,
    rawBatchedPerSec,
    rawPerCommitPerSec,
    ratio,
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    groups: {
      commitsPerRepetition: Math.round(groupSizes.length / reps.length),
      meanSize: groupSizes.reduce((total, size) => total + size, 0) / groupSizes.length,
      p50Size: percentile(groupSizes, 50),
      p90Size: percentile(groupSizes, 90),
      maxSize: Math.max(...groupSizes),
    },
    target: TARGETS.storeToRawRatio,
    verdict: atLeast(ratio, TARGETS.storeToRawRatio),
    alongside,
  };
}
