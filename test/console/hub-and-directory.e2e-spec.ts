import type { Page } from 'playwright-core';
import { StaffBrowser, checkScreen, openBrowser, signInAs, startConsoleApp } from '../support/console-browser';
import type { OnedoorTestApp } from '../support/onedoor-test-app';

jest.setTimeout(120_000);

const lastDayOfLastMonth = () => {
  const d = new Date();
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
};

/** The hub's dashboard over months of demo history, the directory, and a create that must not happen twice. */
describe('console: dashboard, directory and safe creates', () => {
  let t: OnedoorTestApp & { url: string };
  let desk: StaffBrowser;
  let page: Page;

  beforeAll(async () => {
    t = await startConsoleApp({ env: { SEED_DEMO_HISTORY: 'true' } });
    desk = await openBrowser();
    page = desk.page;
    await signInAs(page, t.url, 'Calder Valley Together');
  });
  afterAll(async () => {
    await desk?.close();
    await t?.close();
  });

  it('shows delivery, funnel, waits and claims with their numbers, and the figures as of an earlier date', async () => {
    await page.goto(`${t.url}/#/dashboard`);
    await page.getByRole('heading', { name: 'Hub dashboard' }).waitFor();
    const claims = page.getByTestId('claims-table');
    await claims.locator('tbody tr').first().waitFor();
    const linesNow = await claims.locator('tbody tr').count();
    const thisMonth = new Date().toISOString().slice(0, 7);
    await page.getByRole('img', { name: /Referrals accepted per partner/ }).waitFor();
    await checkScreen(page, '18-dashboard');

    const asOf = lastDayOfLastMonth();
    await page.getByLabel('As of date').fill(asOf);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByTestId('as-of').getByText(`Figures as of ${asOf}`).waitFor();
    const months = await claims.locator('tbody tr td:first-child').allTextContents();
    expect(months.length).toBeGreaterThan(0);
    expect(months.every((m) => m < thisMonth)).toBe(true);
    const api = await t.http().get(`/insights/claims?as_of=${asOf}`).set('authorization', t.auth('calder-hub')).expect(200);
    expect(months.length).toBe(api.body.contracts.flatMap((c: { lines: unknown[] }) => c.lines).length);
    expect(months.length).toBeLessThanOrEqual(linesNow);
    await checkScreen(page, '19-dashboard-as-of');
  });

  it('records a group session as a date and a head count, and refuses a count that is not a number', async () => {
    await signInAs(page, t.url, 'Carers Circle');
    await page.goto(`${t.url}/#/dashboard`);
    await page.getByRole('heading', { name: 'Record a group session' }).waitFor();
    await page.getByLabel('Service').selectOption('carers-cafe');
    const head = await t.head();
    await page.getByLabel('Head count').fill('lots');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Head count').getAttribute('aria-invalid')).toBe('true');
    expect(await t.head()).toBe(head);
    await page.getByLabel('Head count').fill('14');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.getByRole('status').getByText(/Recorded 14 at Carers Café/).waitFor();
    await checkScreen(page, '20-group-attendance');
  });

  it('searches the directory and keeps a partner service’s capacity and waiting list current', async () => {
    await signInAs(page, t.url, 'Calder Works');
    await page.goto(`${t.url}/#/directory`);
    const own = page.getByRole('form', { name: 'Capacity of Job Club' });
    await own.getByLabel('Free').fill('3');
    await own.getByRole('button', { name: 'Save capacity' }).click();
    await own.getByText('Capacity saved.').waitFor();
    await page.getByLabel('Need').selectOption('employment');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('directory-results').getByRole('row', { name: /Job Club/ }).getByText(/^3 of \d+ places$/).waitFor();
    await own.getByRole('button', { name: 'Close the waiting list' }).click();
    await own.getByText('Waiting list closed').waitFor();
    await checkScreen(page, '21-directory');
    const stored = await t.http().get('/services/job-club').set('authorization', t.auth('calder-works')).expect(200);
    expect(stored.body).toMatchObject({ capacity: { available: 3 }, waitlist: 'closed' });
    await own.getByRole('button', { name: 'Open the waiting list' }).click();
    await own.getByText('Waiting list open').waitFor();
  });

  it('creates one referral when the answer to the first try is lost and the button is pressed twice', async () => {
    await signInAs(page, t.url, 'Calder Valley Together');
    const person = await t.http().post('/people').set('authorization', t.auth('calder-hub')).send({ givenName: 'Harper', familyName: 'Quinn', dateOfBirth: '1985-05-05' }).expect(201);
    const personId = person.body.personId;
    await t.http().post(`/people/${personId}/consents`).set('authorization', t.auth('calder-hub')).send({ scope: 'consortium', purposes: ['referral'] }).expect(201);
    // The first POST reaches the server and commits, then the connection drops before the answer arrives.
    let dropped = 0;
    const keys: string[] = [];
    await page.route('**/referrals', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      if (dropped === 0) {
        dropped += 1;
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.goto(`${t.url}/#/contact`);
    await page.reload();
    await page.getByLabel('Name', { exact: true }).fill('Harper Qu');
    await page.getByRole('button', { name: /Harper Quinn/ }).click();
    await page.getByRole('button', { name: 'Keep the current consent' }).click();
    await page.getByLabel(/Employment/).check();
    await page.getByRole('button', { name: 'Find services' }).click();
    await page.locator('.suggestions > li').first().getByRole('radio').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Send referral' }).dblclick();
    await page.getByRole('heading', { name: 'Referral sent' }).waitFor();
    await page.unroute('**/referrals');

    const events = await t.store.readAll(0, 1_000_000);
    const created = events.filter((e) => e.type === 'ReferralCreated' && (e.data as { personId: string }).personId === personId);
    expect(created).toHaveLength(1);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
  });

  it('works on a 768-wide tablet', async () => {
    const tablet = await openBrowser({ width: 768, height: 1024 });
    try {
      await signInAs(tablet.page, t.url, 'Calder Works');
      await tablet.page.goto(`${t.url}/#/worklist`);
      await tablet.page.getByRole('heading', { name: /Worklist/ }).waitFor();
      const overflow = await tablet.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      await checkScreen(tablet.page, '22-tablet-worklist');
      await tablet.page.goto(`${t.url}/#/contact`);
      await tablet.page.getByRole('heading', { name: 'Who is calling?' }).waitFor();
      await checkScreen(tablet.page, '23-tablet-contact');
    } finally {
      await tablet.close();
    }
  });
});
