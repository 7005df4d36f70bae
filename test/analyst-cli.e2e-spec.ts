import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { runCli } from '../apps/cli/src/cli';
import { startTestApp } from './support/onedoor-test-app';

/** The analyst CLI over a real data directory the platform wrote (the demo consortium), read while nothing else runs. */
describe('analyst CLI: onedoor replay and onedoor export', () => {
  let dataDir: string;

  beforeAll(async () => {
    const t = await startTestApp({ seedDemo: true });
    dataDir = t.dataDir;
    await t.close({ keepData: true });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function cli(...argv: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    stdout.on('data', (b) => out.push(b));
    stderr.on('data', (b) => err.push(b));
    const code = await runCli(argv, { stdout, stderr, cwd: dataDir });
    return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
  }

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
    // The demo people's names, dates of birth, postcodes and ids appear nowhere.
    for (const secret of ['Amira', 'Khan', 'demo-person', 'demo-referral', 'HX1', '1988']) expect(csv.stdout).not.toContain(secret);

    const out = join(dataDir, 'cohort.ndjson');
    const ndjson = await cli('export', '--data-dir', dataDir, '--format', 'ndjson', '--partner', 'calder-hub', '--out', 'cohort.ndjson');
    expect(ndjson.code).toBe(0);
    expect(ndjson.stderr).toContain(`wrote 2 referrals rows to ${out}`);
    const records = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.every((r) => r.referring_partner === 'calder-hub' || r.receiving_partner === 'calder-hub')).toBe(true);
    const csvPeople = rows.map((row) => row.split(',')[0]);
    expect(records.some((r) => csvPeople.includes(r.person))).toBe(false);
  });

  it.each([
    [['replay'], '--projection is required'],
    [['replay', '--projection', 'nope'], '--projection must be one of'],
    [['replay', '--projection', 'directory', '--to-position', '0'], '--to-position must be a whole number'],
    [['replay', '--projection', 'directory', '--store', 'postgres:db'], 'the postgres adapter does not exist yet'],
    [['replay', '--projection', 'directory', '--store', 'file.sqlite'], '--store must look like sqlite:<file>'],
    [['export', '--format', 'xml'], '--format must be one of csv, ndjson'],
    [['export', '--cohort', 'people'], '--cohort must be one of referrals'],
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
