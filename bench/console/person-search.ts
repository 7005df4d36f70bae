import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@onedoor/domain';
import { Agent, request } from 'node:http';
import { ChangePersonCommand, RegisterPersonCommand } from '../../apps/referrals/src/people/person.commands';
import { DEMO_PARTNERS } from '../../apps/onedoor/src/demo/demo-consortium';
import { seededRandom } from '@onedoor/projections/testing/seeded-random';
import { percentile, perSecond, startTimer } from '../timing';
import { GeneratedPerson, generatedPeople, typedPrefixes } from './people-fixture';

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

export interface PersonSearchResult {
  people: number;
  registerMs: number;
  registerPerSec: number;
  searchAs: string;
  /** Of the generated people, how many the searching partner may see (registered by it, or consent covering it). */
  visibleToSearcher: number;
  names: number;
  search: Latency;
  /** POST /diagnostics/noop with the same token over the same connection, taking turns with the searches. */
  noop: Latency;
  /** Search p95 ÷ no-op p95. */
  p95Ratio: number;
  /** p95 by how much has been typed: 1 letter, 2, 3–4, 5 or more. */
  byTyped: { typed: string; p95: number; meanHits: number; count: number }[];
  /** Answers that were not 200, showed someone the searcher may not see, or missed the person whose full name was typed. */
  problems: number;
  problemExamples: string[];
}

const staffOf = (partnerId: string): Actor => ({ staffId: `bench-staff-${partnerId}`, partnerId, managesConsortium: partnerId === 'calder-hub' });

async function eachLimited<T>(items: T[], concurrency: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Registers the people through the app's command bus (the handlers the API calls: sealing, rules, the event store), many in flight. */
async function register(app: INestApplication, people: GeneratedPerson[]): Promise<void> {
  const bus = app.get(CommandBus);
  await eachLimited(people, 64, async ({ personId, details, registeredBy, consent }) => {
    const actor = staffOf(registeredBy);
    // confirmedNotDuplicate: common names and 80 years of birthdays still repeat a name and date now and then.
    await bus.execute(new RegisterPersonCommand(personId, details, true, actor));
    if (consent === 'none') return;
    const scope = consent === 'consortium' ? { kind: 'consortium' as const } : { kind: 'partners' as const, partnerIds: [registeredBy] };
    await bus.execute(new ChangePersonCommand(personId, { type: 'GiveConsent', consentId: `${personId}-consent`, scope, purposes: ['referral'] }, actor));
  });
}

interface Answer {
  status: number;
  ms: number;
  body: string;
}

/** One request over the keep-alive connection, timed from the call to the last byte of the answer. */
function call(agent: Agent, base: URL, method: string, path: string, token: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const elapsed = startTimer();
    const req = request({ agent, host: base.hostname, port: base.port, method, path, headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(method === 'POST' ? { 'content-length': '0' } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: elapsed(), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const summary = (values: number[]): Latency => ({ p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), max: Math.max(...values), count: values.length });

/**
 * (j) Person search as you type, over HTTP keep-alive, on a register of `people` generated people (on top of the
 * demo's): staff type names letter by letter, each keystroke one GET /people?search=…&limit=20, one at a time,
 * each followed by an authenticated no-op over the same connection as the baseline.
 */
export async function measurePersonSearch(
  app: INestApplication,
  baseUrl: string,
  token: (partnerId: string) => string,
  plan: { people: number; names: number; searchAs: string },
  progress: (line: string) => void,
): Promise<PersonSearchResult> {
  const partnerIds = DEMO_PARTNERS.map((p) => p.partnerId);
  const people = generatedPeople(plan.people, partnerIds);
  progress(`(j) person search: registering ${plan.people.toLocaleString('en-GB')} people through the command bus (with consent for most)…`);
  const registering = startTimer();
  await register(app, people);
  const registerMs = registering();

  const visible = new Set(people.filter((p) => p.registeredBy === plan.searchAs || p.consent === 'consortium').map((p) => p.personId));
  const generated = new Set(people.map((p) => p.personId));
  const random = seededRandom(99);
  const targets = Array.from({ length: plan.names }, () => people[Math.floor(random() * people.length)]);
  const queries = targets.flatMap((person) => typedPrefixes(person.details).map((text, i, all) => ({ text, person, complete: i === all.length - 1 })));

  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const base = new URL(baseUrl);
  const bearer = token(plan.searchAs);
  const search = (text: string) => call(agent, base, 'GET', `/people?search=${encodeURIComponent(text)}&limit=20`, bearer);
  const noop = () => call(agent, base, 'POST', '/diagnostics/noop', bearer);
  try {
    progress(`(j) person search: warming up, then ${queries.length.toLocaleString('en-GB')} searches as you type (${plan.names} names) as ${plan.searchAs}…`);
    for (const { text } of queries.slice(0, 100)) {
      await search(text);
      await noop();
    }
    const searchMs: number[] = [];
    const noopMs: number[] = [];
    const groups = new Map<string, { ms: number[]; hits: number }>();
    const problems: string[] = [];
    for (const [i, { text, person, complete }] of queries.entries()) {
      // Take turns, flipping the order, so the machine's ups and downs fall on both alike.
      const noopFirst = i % 2 === 1;
      if (noopFirst) noopMs.push(checked(await noop(), problems).ms);
      const answer = checked(await search(text), problems);
      if (!noopFirst) noopMs.push(checked(await noop(), problems).ms);
      searchMs.push(answer.ms);
      const body = answer.status === 200 ? (JSON.parse(answer.body) as { people: { personId: string; givenName: string; familyName: string }[]; more: boolean }) : { people: [], more: false };
      const shownHidden = body.people.filter((h) => generated.has(h.personId) && !visible.has(h.personId));
      if (shownHidden.length > 0) problems.push(`"${text}" showed ${shownHidden.length} people the searcher may not see`);
      if (complete && visible.has(person.personId) && !body.more && !body.people.some((h) => h.personId === person.personId)) problems.push(`"${text}" did not find ${person.personId}`);
      const typed = text.length === 1 ? '1 letter' : text.length === 2 ? '2 letters' : text.length <= 4 ? '3–4 letters' : '5 or more';
      const group = groups.get(typed) ?? { ms: [], hits: 0 };
      group.ms.push(answer.ms);
      group.hits += body.people.length;
      groups.set(typed, group);
    }
    const searchLatency = summary(searchMs);
    const noopLatency = summary(noopMs);
    return {
      people: plan.people,
      registerMs,
      registerPerSec: perSecond(plan.people, registerMs),
      searchAs: plan.searchAs,
      visibleToSearcher: visible.size,
      names: plan.names,
      search: searchLatency,
      noop: noopLatency,
      p95Ratio: searchLatency.p95 / noopLatency.p95,
      byTyped: ['1 letter', '2 letters', '3–4 letters', '5 or more'].filter((t) => groups.has(t)).map((typed) => {
        const g = groups.get(typed)!;
        return { typed, p95: percentile(g.ms, 95), meanHits: g.hits / g.ms.length, count: g.ms.length };
      }),
      problems: problems.length,
      problemExamples: problems.slice(0, 5),
    };
  } finally {
    agent.destroy();
  }
}

function checked(answer: Answer, problems: string[]): Answer {
  if (answer.status !== 200) problems.push(`answer ${answer.status}: ${answer.body.slice(0, 200)}`);
  return answer;
}
