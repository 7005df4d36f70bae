import type { Page } from 'playwright-core';
import { StaffBrowser, checkScreen, openBrowser, signInAs, startConsoleApp } from '../support/console-browser';
import type { OnedoorTestApp } from '../support/onedoor-test-app';

jest.setTimeout(120_000);

/** Partner staff at their worklist, and the hub beside them in a second browser: moves, stale edits, live updates. */
describe('console: partner worklist', () => {
  let t: OnedoorTestApp & { url: string };
  let worksDesk: StaffBrowser;
  let hubDesk: StaffBrowser;
  let works: Page;
  let hub: Page;

  beforeAll(async () => {
    t = await startConsoleApp();
    [worksDesk, hubDesk] = await Promise.all([openBrowser(), openBrowser()]);
    works = worksDesk.page;
    hub = hubDesk.page;
    await signInAs(works, t.url, 'Calder Works');
    await signInAs(hub, t.url, 'Calder Valley Together');
  });
  afterAll(async () => {
    await worksDesk?.close();
    await hubDesk?.close();
    await t?.close();
  });

  /** A referral from the hub to one of Calder Works' services for a new person with consent, made through the API. */
  async function referralToWorks(givenName: string, serviceId = 'job-club'): Promise<string> {
    const person = await t.http().post('/people').set('authorization', t.auth('calder-hub')).send({ givenName, familyName: 'Tester', dateOfBirth: '1991-06-01' }).expect(201);
    await t.http().post(`/people/${person.body.personId}/consents`).set('authorization', t.auth('calder-hub')).send({ scope: 'consortium', purposes: ['referral', 'case-management'] }).expect(201);
    const referral = await t.http().post('/referrals').set('authorization', t.auth('calder-hub')).send({ personId: person.body.personId, needs: ['employment'], serviceId }).expect(201);
    return referral.body.referralId;
  }

  const row = (page: Page, referralId: string) => page.locator(`tr[data-referral-id="${referralId}"]`);
  const panel = (page: Page) => page.getByTestId('referral-panel');

  it('updates an open worklist live when the hub sends a referral, without reload', async () => {
    await works.goto(`${t.url}/#/worklist`);
    await works.getByRole('heading', { name: /Worklist/ }).waitFor();
    await works.getByRole('region', { name: 'Waiting for your response' }).waitFor();
    const navigations: string[] = [];
    works.on('framenavigated', (f) => navigations.push(f.url()));
    const sentAt = Date.now();
    const referralId = await referralToWorks('Robin');
    await row(works, referralId).getByText('Robin Tester').waitFor();
    const seenAfterMs = Date.now() - sentAt;
    expect(navigations).toEqual([]);
    await row(works, referralId).getByText(/days? left/).waitFor();
    console.log(`live: a new referral reached an open worklist ${seenAfterMs} ms after the API answered`);
    await checkScreen(works, '11-worklist');
  });

  it('accepts, records attendance in one action, records support and completes with an outcome', async () => {
    const referralId = await referralToWorks('Casey');
    await works.goto(`${t.url}/#/worklist/${referralId}`);
    await panel(works).getByRole('heading', { name: 'Casey Tester' }).waitFor();
    await checkScreen(works, '12-referral-requested');
    await panel(works).getByRole('button', { name: 'Accept', exact: true }).click();
    await panel(works).getByText('Accepted', { exact: true }).first().waitFor();
    await panel(works).getByRole('button', { name: 'Attended today' }).click();
    await panel(works).getByText(/Attendance · Calder Works/).waitFor();
    await panel(works).getByRole('button', { name: 'Record support…' }).click();
    await works.getByLabel('Kind of support').selectOption('one-to-one');
    await works.getByLabel(/Case notes/).fill('CV drafted together');
    await works.getByRole('button', { name: 'Record support', exact: true }).click();
    await panel(works).getByRole('region', { name: 'Support recorded' }).getByText('CV drafted together').waitFor();
    await panel(works).getByRole('button', { name: 'Complete…' }).click();
    const head = await t.head();
    await works.getByRole('button', { name: 'Complete the referral' }).click();
    await panel(works).getByText('Choose an outcome.').waitFor();
    expect(await works.getByLabel('Outcome').getAttribute('aria-invalid')).toBe('true');
    expect(await t.head()).toBe(head);
    await works.getByLabel('Outcome').selectOption('need-met');
    await works.getByRole('button', { name: 'Complete the referral' }).click();
    await panel(works).getByText('Completed', { exact: true }).first().waitFor();
    await checkScreen(works, '13-referral-completed');
    const stored = await t.http().get(`/referrals/${referralId}`).set('authorization', t.auth('calder-works')).expect(200);
    expect(stored.body).toMatchObject({ status: 'completed', outcome: { code: 'need-met' } });
    expect(stored.body.interactions.map((i: { kind: string }) => i.kind)).toEqual(['attendance', 'one-to-one']);
  });

  it('rejects with a reason; the hub sees it live and re-routes it to another service', async () => {
    const referralId = await referralToWorks('Devon');
    await hub.goto(`${t.url}/#/worklist`);
    await row(hub, referralId).waitFor();
    await works.goto(`${t.url}/#/worklist/${referralId}`);
    await panel(works).getByRole('button', { name: 'Reject…' }).click();
    await works.getByRole('button', { name: 'Reject', exact: true }).click();
    await panel(works).getByText('Choose a reason.').waitFor();
    await works.getByLabel('Reason').selectOption('no-capacity');
    await works.getByLabel(/More detail/).fill('Job Club is full until January');
    await works.getByRole('button', { name: 'Reject', exact: true }).click();
    await panel(works).getByText('Rejected', { exact: true }).first().waitFor();

    await row(hub, referralId).getByText('Rejected').waitFor();
    await row(hub, referralId).getByRole('button').click();
    await panel(hub).getByText('no-capacity: Job Club is full until January').waitFor();
    await panel(hub).getByRole('button', { name: 'Route to another service…' }).click();
    await hub.getByLabel('Route to service').selectOption('skills-for-work');
    await checkScreen(hub, '14-referral-reroute');
    await hub.getByRole('button', { name: 'Route', exact: true }).click();
    await panel(hub).getByText('Requested', { exact: true }).first().waitFor();
    const stored = await t.http().get(`/referrals/${referralId}`).set('authorization', t.auth('calder-hub')).expect(200);
    expect(stored.body).toMatchObject({ status: 'requested', serviceId: 'skills-for-work' });
  });

  it('shows a stale edit as such, with the fresh state, and never overwrites it', async () => {
    const referralId = await referralToWorks('Emery');
    // This desk's live stream is cut, so its screen stays as it was while a colleague acts.
    await works.route('**/live', (route) => route.abort());
    await works.reload();
    await works.goto(`${t.url}/#/worklist/${referralId}`);
    await panel(works).getByRole('button', { name: 'Reject…' }).waitFor();
    await t.http().post(`/referrals/${referralId}/accept`).set('authorization', t.auth('calder-works', 'staff-colleague')).expect(200);

    const head = await t.head();
    await panel(works).getByRole('button', { name: 'Reject…' }).click();
    await works.getByLabel('Reason').selectOption('not-eligible');
    await works.getByRole('button', { name: 'Reject', exact: true }).click();
    const stale = panel(works).getByTestId('stale-notice');
    await stale.getByText(/Someone else changed this referral first: it is now Accepted/).waitFor();
    await panel(works).getByRole('button', { name: 'Attended today' }).waitFor();
    await checkScreen(works, '15-referral-stale');
    expect(await t.head()).toBe(head);
    const stored = await t.http().get(`/referrals/${referralId}`).set('authorization', t.auth('calder-works')).expect(200);
    expect(stored.body.status).toBe('accepted');
    await works.unroute('**/live');
    await works.reload();
  });

  it('hands accepted work to another partner with a reason', async () => {
    const referralId = await referralToWorks('Frankie');
    await t.http().post(`/referrals/${referralId}/accept`).set('authorization', t.auth('calder-works')).expect(200);
    await works.goto(`${t.url}/#/worklist/${referralId}`);
    await panel(works).getByRole('button', { name: 'Hand off…' }).click();
    await works.getByLabel(/Hand off to another partner/).selectOption('debt-advice');
    await works.getByLabel('Reason for the handoff').fill('Debts come first');
    await works.getByRole('button', { name: 'Hand off', exact: true }).click();
    await panel(works).getByText(/Fair Money Advice/).first().waitFor();
    const stored = await t.http().get(`/referrals/${referralId}`).set('authorization', t.auth('calder-hub')).expect(200);
    expect(stored.body).toMatchObject({ receivingPartnerId: 'fair-money', serviceId: 'debt-advice' });
  });

  it("shows the person's timeline, live, and an erased person as erased", async () => {
    const referralId = await referralToWorks('Gale');
    const { body } = await t.http().get(`/referrals/${referralId}`).set('authorization', t.auth('calder-works')).expect(200);
    await works.goto(`${t.url}/#/people/${body.personId}`);
    await works.getByTestId('timeline').getByText(/Routed to partner calder-works/).waitFor();
    await t.http().post(`/referrals/${referralId}/accept`).set('authorization', t.auth('calder-works', 'staff-colleague')).expect(200);
    await works.getByTestId('timeline').getByText('Accepted by partner calder-works').waitFor();
    await checkScreen(works, '16-person-timeline');
    await t.http().delete(`/people/${body.personId}`).set('authorization', t.auth('calder-hub')).expect(200);
    await works.getByTestId('erased-notice').waitFor();
    await works.getByRole('complementary', { name: 'Person' }).getByRole('heading', { name: '[erased]' }).waitFor();
    expect(await works.locator('body').textContent()).not.toContain('Gale');
    await checkScreen(works, '17-person-erased');
  });
});
