import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@onedoor/event-store';
import { generateOutcomes, schemaVersionOf } from '@onedoor/projections/outcomes/testing/generated-outcomes';
import { promisify } from 'node:util';
import { seededDemoDataDir } from './support/demo-data-dir';
import { runCliCapturing } from './support/run-cli';

/** The analyst CLI over a real data directory the platform wrote (the demo consortium), read while nothing else runs. */
describe('analyst CLI: onedoor replay and onedoor export', () => {
  const demoDir = seededDemoDataDir();
  let dataDir: string;
  beforeAll(() => (dataDir = demoDir()));

  const cli = (...argv: string[]) => runCliCapturing(dataDir, ...argv);

  it('replays the whole history into a projection with progress, and says what it holds', async () => {
    const run = await cli('replay', '--projection', 'referral-book', '--data-dir', dataDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^replayed (\d+) events \(to position \1 of \1\) into referral-book in [\d.]+ s: \d+ events\/s\n/);
    expect(run.stdout).toContain('  referrals: 4\n');
    expect(run.stderr).toMatch(/100% \| (\d+)\/\1 events \| [\d,]+ events\/s \| ETA/);

    const directory = await cli('replay', '--projection', 'directory', '--store', `sqlite:${join(dataDir, 'events.sqlite')}`);
    expect(directory.stdout).toContain('  organizations: 7\n');
    expect(directory.stdout).toContain('  services: 18\n');
  });

  it('replays up to a position', async () => {
    const run = await cli('replay', '--projection', 'consortium-roster', '--data-dir', dataDir, '--to-position', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^replayed 1 events \(to position 1 of \d+\)/);
    expect(run.stdout).toContain('  partners: 0\n');
  });

  it('exports the referral cohort as CSV and NDJSON with pseudonymised ids, no personal data, and a fresh key each time', async () => {
    const csv = await cli('export', '--data-dir', dataDir, '--format', 'csv');
    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout.trimEnd().split('\r\n');
    expect(header.split(',')).toEqual(expect.arrayContaining(['person', 'referral', 'referring_partner', 'receiving_partner', 'status', 'outcome']));
    expect(rows).toHaveLength(4);
    // The demo people's names, dates of birth, postcodes and ids appear nowhere (whole values: a random pseudonym may hold any 4 digits).
    for (const secret of ['Amira', 'Khan', 'demo-person', 'demo-referral', 'HX1 2AB', '1988-03-14']) expect(csv.stdout).not.toContain(secret);

    const out = join(dataDir, 'cohort.ndjson');
    const ndjson = await cli('export', '--data-dir', dataDir, '--format', 'ndjson', '--partner', 'calder-hub', '--out', 'cohort.ndjson');
    expect(ndjson.code).toBe(0);
    expect(ndjson.stderr).toContain(`wrote 2 referrals rows to ${out}`);
    const records = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.every((r) => r.referring_partner === 'calder-hub' || r.receiving_partner === 'calder-hub')).toBe(true);
    const csvPeople = rows.map((row) => row.split(',')[0]);
    expect(records.some((r) => csvPeople.includes(r.person))).toBe(false);
  });

  it('replays the outcomes projections and says what they hold', async () => {
    const run = await cli('replay', '--projection', 'outcomes', '--data-dir', dataDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  contracts: 1\n');
    expect(run.stdout).toContain('  referrals received: 4\n');
  });

  describe('the participants cohort, over a generated consortium of 5 partners and 120 participants in a real store file', () => {
    const NOW = '2026-08-01T00:00:00.000Z';
    const { plan, events } = generateOutcomes({ seed: 11, participants: 120 });
    let generatedDir: string;

    beforeAll(async () => {
      generatedDir = mkdtempSync(join(tmpdir(), 'onedoor-cli-generated-'));
      const store = new SqliteEventStore({ file: join(generatedDir, 'events.sqlite'), synchronous: 'NORMAL', writer: 'inline' });
      const versions = new Map<string, number>();
      for (const { stream, event } of events) {
        const version = versions.get(stream) ?? 0;
        await store.append(stream, [{ id: randomUUID(), type: event.type, schemaVersion: schemaVersionOf(event), data: event.data as unknown as Record<string, unknown> }], version);
        versions.set(stream, version + 1);
      }
      await store.close();
    });
    afterAll(() => rmSync(generatedDir, { recursive: true, force: true }));

    it('has a row per participant with counts and milestone days that agree with the generator’s own plan', async () => {
      const run = await cli('export', '--cohort', 'participants', '--format', 'ndjson', '--as-of', NOW, '--data-dir', generatedDir);
      expect(run.code).toBe(0);
      const rows = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(rows).toHaveLength(plan.participants.length);
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      expect(sum(rows.map((r) => r.activities))).toBe(sum(plan.participants.map((p) => p.interactions.length)));
      expect(sum(rows.map((r) => r.employment_spells))).toBe(plan.participants.filter((p) => p.spell).length);
      // Milestone 1: the third qualifying activity inside the contract period, worked out from the plan alone.
      const { contract } = plan;
      const m1 = plan.participants.filter((p) => {
        const days = p.interactions.filter((i) => contract.m1Kinds.includes(i.kind) && i.occurredOn >= contract.start && i.occurredOn <= contract.end).map((i) => i.occurredOn);
        return days.length >= 3;
      }).length;
      expect(m1).toBeGreaterThan(5);
      expect(rows.filter((r) => r['k:m1'] !== null)).toHaveLength(m1);
      for (const r of rows) expect(r.person).toMatch(/^person-[0-9a-f]{20}$/);
      for (const p of plan.participants) expect(run.stdout).not.toContain(`"${p.personId}"`);
    });

    it('narrows to one partner’s participants', async () => {
      const partnerId = plan.partners[0];
      const run = await cli('export', '--cohort', 'participants', '--format', 'ndjson', '--as-of', NOW, '--partner', partnerId, '--data-dir', generatedDir);
      const rows = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.partners.split(';').includes(partnerId))).toBe(true);
    });
  });

  it.each([
    [['export', '--cohort', 'participants', '--as-of', 'soon'], '--as-of must be a date'],
    [['replay'], '--projection is required'],
    [['replay', '--projection', 'nope'], '--projection must be one of'],
    [['replay', '--projection', 'directory', '--to-position', '0'], '--to-position must be a whole number'],
    [['replay', '--projection', 'directory', '--store', 'postgres:db'], '--store postgres: the analyst tools read SQLite files only, so far'],
    [['replay', '--projection', 'directory', '--store', 'file.sqlite'], '--store must look like sqlite:<file>'],
    [['export', '--format', 'xml'], '--format must be one of csv, ndjson'],
    [['export', '--cohort', 'people'], '--cohort must be one of referrals, participants'],
    [['export', '--from', 'last tuesday'], '--from must be a date'],
    [['export', '--to', '2026-13-45'], '--to must be a date'],
    [['export', '--unknown'], "unknown option '--unknown'"],
  ])('refuses %j with exit code 2 naming the problem', async (argv, message) => {
    const run = await cli(...argv, ...(argv.includes('--store') ? [] : ['--data-dir', dataDir]));
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    expect(run.stderr).toContain(message);
  });

  it('says when there is no event store where it looks (exit 1)', async () => {
    const run = await cli('replay', '--projection', 'directory', '--data-dir', join(dataDir, 'nowhere'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`no event store file at ${join(dataDir, 'nowhere', 'events.sqlite')}`);
  });

  it('runs as `npm run onedoor`', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'onedoor', '--', 'replay', '--projection', 'service-catalogue', '--data-dir', dataDir], { cwd: join(__dirname, '..') });
    expect(stdout).toContain('into service-catalogue');
    expect(stdout).toContain('  services: 18\n');
  }, 60_000);
});
