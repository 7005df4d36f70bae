import type { Page } from 'playwright-core';
import { StaffBrowser, checkScreen, openBrowser, signInAs, startConsoleApp, tabTo } from '../support/console-browser';
import type { OnedoorTestApp } from '../support/onedoor-test-app';

jest.setTimeout(120_000);

/** The contact point in a real browser: a new caller end to end by keyboard, a duplicate, consent missing. */
describe('console: contact point', () => {
  let t: OnedoorTestApp & { url: string };
  let desk: StaffBrowser;
  let page: Page;

  beforeAll(async () => {
    t = await startConsoleApp();
    desk = await openBrowser();
    page = desk.page;
    await signInAs(page, t.url, 'Calder Valley Together');
  });
  afterAll(async () => {
    await desk?.close();
    await t?.close();
  });

  /** A new call: the contact point from its first step. */
  async function newCall() {
    await page.goto(`${t.url}/#/contact`);
    await page.reload();
    await page.getByRole('heading', { name: 'Who is calling?' }).waitFor();
  }

  async function referralsFor(personId: string): Promise<string[]> {
    const events = await t.store.readAll(0, 1_000_000);
    return events.filter((e) => e.type === 'ReferralCreated' && (e.data as { personId: string }).personId === personId).map((e) => (e.data as { referralId: string }).referralId);
  }

  it('signs out, shows the demo sign-in clearly marked, and signs in as the hub', async () => {
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Demo sign-in' }).waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await checkScreen(page, '01-sign-in');
    await signInAs(page, t.url, 'Calder Valley Together');
    await page.getByRole('heading', { name: 'Who is calling?' }).waitFor();
    await checkScreen(page, '02-contact-find');
  });

  it('takes a new caller from search to a referral sent in six steps, by keyboard alone', async () => {
    await newCall();
    // Step 1: search as you type; nobody found.
    await page.getByLabel('Name', { exact: true }).focus();
    await page.keyboard.type('Jordan Ellis');
    await tabTo(page, 'Date of birth');
    // Headless Debian Chromium shows its date fields month first, whatever the page's locale.
    await page.keyboard.type('04031995');
    await page.getByText('No one found with that date of birth.').waitFor();
    await tabTo(page, 'Register a new person');
    await page.keyboard.press('Enter');
    // Step 2: register; the name and date typed are carried over.
    await page.getByRole('heading', { name: 'Register a new person' }).waitFor();
    expect(await page.getByLabel('Given name').inputValue()).toBe('Jordan');
    expect(await page.getByLabel('Family name').inputValue()).toBe('Ellis');
    expect(await page.getByLabel('Date of birth').inputValue()).toBe('1995-04-03');
    await tabTo(page, /^Postcode/);
    await page.keyboard.type('HX1 2AB');
    await checkScreen(page, '03-contact-register');
    await tabTo(page, 'Register');
    await page.keyboard.press('Enter');
    // Step 3: consent, with the person card beside it.
    await page.getByRole('heading', { name: 'Consent to share' }).waitFor();
    await page.getByTestId('consent-state').getByText('No consent recorded').waitFor();
    await checkScreen(page, '04-contact-consent');
    await tabTo(page, 'Record consent');
    await page.keyboard.press('Enter');
    // Step 4: needs.
    await page.getByRole('heading', { name: 'What do they need help with?' }).waitFor();
    await page.getByTestId('consent-state').getByText('Consent covers the whole consortium').waitFor();
    await tabTo(page, /Employment/);
    await page.keyboard.press('Space');
    await tabTo(page, /Their circumstances/);
    await page.keyboard.type('Looking for warehouse work after a long illness.');
    await checkScreen(page, '05-contact-needs');
    await tabTo(page, 'Find services');
    await page.keyboard.press('Enter');
    // Step 5: ranked suggestions with score parts and reasons.
    await page.getByRole('heading', { name: 'Choose a service' }).waitFor();
    const first = page.locator('.suggestions > li').first();
    await first.getByText('Fit to needs').waitFor();
    await first.getByText(/meets employment/).waitFor();
    await checkScreen(page, '06-contact-suggestions');
    await tabTo(page, /^1\. /);
    await page.keyboard.press('Space');
    await tabTo(page, 'Continue');
    await page.keyboard.press('Enter');
    // Step 6: check and send.
    await page.getByRole('heading', { name: 'Check and send the referral' }).waitFor();
    await checkScreen(page, '07-contact-check');
    await tabTo(page, 'Send referral');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Referral sent' }).waitFor();
    await checkScreen(page, '08-contact-sent');

    const referralId = await page.getByTestId('referral-id').textContent();
    const person = await t.http().get(`/referrals/${referralId}`).set('authorization', t.auth('calder-hub')).expect(200);
    expect(person.body).toMatchObject({ status: 'requested', needs: ['employment'], person: { givenName: 'Jordan', familyName: 'Ellis' } });
    expect(await referralsFor(person.body.personId)).toEqual([referralId]);
  });

  it('shows a possible duplicate before registering, and lets staff pick the existing person', async () => {
    await newCall();
    await page.getByLabel('Name', { exact: true }).fill('Amira Khan');
    await page.getByRole('button', { name: 'Register a new person' }).click();
    await page.getByLabel('Date of birth').fill('1988-03-14');
    const head = await t.head();
    await page.getByRole('button', { name: 'Register' }).click();
    const duplicates = page.getByTestId('possible-duplicates');
    await duplicates.getByText('Is this someone already registered?').waitFor();
    await checkScreen(page, '09-contact-duplicate');
    expect(await t.head()).toBe(head);
    expect(await page.getByRole('button', { name: 'Register' }).isDisabled()).toBe(true);
    await duplicates.getByRole('button', { name: /Amira Khan/ }).click();
    await page.getByRole('heading', { name: 'Consent to share' }).waitFor();
    await page.getByRole('complementary', { name: 'Person' }).getByText('Amira Khan').waitFor();
  });

  it('refuses a referral to a partner the consent does not cover, with the reason in plain words', async () => {
    const res = await t.http().post('/people').set('authorization', t.auth('calder-hub')).send({ givenName: 'Priya', familyName: 'Shah', dateOfBirth: '1979-09-09' }).expect(201);
    const personId = res.body.personId;
    await t.http().post(`/people/${personId}/consents`).set('authorization', t.auth('calder-hub')).send({ scope: 'partners', partnerIds: ['calder-works'], purposes: ['referral'] }).expect(201);

    await newCall();
    await page.getByLabel('Name', { exact: true }).fill('Priya Sh');
    await page.getByRole('button', { name: /Priya Shah/ }).click();
    await page.getByRole('button', { name: 'Keep the current consent' }).click();
    await page.getByLabel(/Debt/).check();
    await page.getByRole('button', { name: 'Find services' }).click();
    await page.getByText(/left out because the person's consent does not cover their partner/).waitFor();
    await page.getByLabel('Or choose any service in the directory').selectOption('benefits-check');
    await page.getByRole('button', { name: 'Continue' }).click();
    const head = await t.head();
    await page.getByRole('button', { name: 'Send referral' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText("The person's consent does not cover the partner this service belongs to.").waitFor();
    await alert.getByRole('button', { name: 'Record consent for Fair Money Advice' }).waitFor();
    await checkScreen(page, '10-contact-consent-missing');
    expect(await t.head()).toBe(head);
    expect(await referralsFor(personId)).toEqual([]);
  });
});
