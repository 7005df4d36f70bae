import { StaffBrowser, checkScreen, openBrowser, startConsoleApp } from '../support/console-browser';
import type { OnedoorTestApp } from '../support/onedoor-test-app';

jest.setTimeout(90_000);

/** AUTH_MODE=token: no demo picker; staff sign in with a consortium-issued token, pasted or by a sign-in link. */
describe('console: sign-in with a consortium token', () => {
  let t: OnedoorTestApp & { url: string };
  let desk: StaffBrowser;

  beforeAll(async () => {
    t = await startConsoleApp({ env: { AUTH_MODE: 'token', AUTH_SECRET: 'a-consortium-secret-of-at-least-32-characters' } });
    desk = await openBrowser();
  });
  afterAll(async () => {
    await desk?.close();
    await t?.close();
  });

  const token = (partnerId: string) => t.auth(partnerId).slice('Bearer '.length);

  it('offers no demo sign-in, and signs in with a pasted token kept only in the tab', async () => {
    const { page } = desk;
    await page.goto(`${t.url}/`);
    await page.getByRole('heading', { name: 'Sign in with your token' }).waitFor();
    expect(await page.getByText('Demo sign-in').count()).toBe(0);
    await checkScreen(page, '24-sign-in-token');
    await page.getByLabel('Sign-in token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText(/expired or is not valid/).waitFor();
    await page.getByLabel('Sign-in token').fill(token('valley-minds'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('staff-valley-minds').waitFor();
    expect(await page.evaluate('Object.keys(localStorage).length')).toBe(0);
    expect(await page.evaluate('document.cookie')).toBe('');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Sign-in token').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });

  it('signs in from a sign-in link and takes the token out of the address bar', async () => {
    const { page } = desk;
    await page.goto(`${t.url}/#/sign-in?token=${token('youth-forward')}`);
    await page.getByText('staff-youth-forward').waitFor();
    await page.getByRole('heading', { name: 'Who is calling?' }).waitFor();
    expect(page.url()).not.toContain('token');
    expect(page.url()).toMatch(/#\/contact$/);
  });
});
