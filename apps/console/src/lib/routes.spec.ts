import { Route, hashOf, routeOf } from './routes';

describe('routeOf and hashOf', () => {
  const ROUTES: Route[] = [
    { screen: 'sign-in' },
    { screen: 'contact' },
    { screen: 'worklist' },
    { screen: 'worklist', referralId: 'ref-123' },
    { screen: 'person', personId: 'per-456' },
    { screen: 'person', personId: 'an id/with #odd ?characters' },
    { screen: 'worklist', referralId: 'r/1?x=2' },
    { screen: 'directory' },
    { screen: 'dashboard' },
  ];

  it.each(ROUTES)('goes there and back again: %j', (route) => {
    expect(routeOf(hashOf(route))).toEqual(route);
  });

  it('writes the addresses staff see', () => {
    expect(hashOf({ screen: 'worklist', referralId: 'ref-1' })).toBe('#/worklist/ref-1');
    expect(hashOf({ screen: 'person', personId: 'p 1' })).toBe('#/people/p%201');
    expect(hashOf({ screen: 'contact' })).toBe('#/contact');
  });

  it('reads a sign-in link’s token, and never writes it back into the address', () => {
    expect(routeOf('#/sign-in?token=abc.def.ghi')).toEqual({ screen: 'sign-in', token: 'abc.def.ghi' });
    expect(routeOf('#/sign-in?token=')).toEqual({ screen: 'sign-in' });
    expect(routeOf('#/sign-in')).toEqual({ screen: 'sign-in' });
    expect(hashOf({ screen: 'sign-in', token: 'abc.def.ghi' })).toBe('#/sign-in');
  });

  it('reads a hash with or without its #, and ignores extra slashes', () => {
    expect(routeOf('/worklist/ref-9')).toEqual({ screen: 'worklist', referralId: 'ref-9' });
    expect(routeOf('#//worklist//ref-9/')).toEqual({ screen: 'worklist', referralId: 'ref-9' });
  });

  it('opens the contact point for an empty or unknown address, and for people without an id', () => {
    expect(routeOf('')).toEqual({ screen: 'contact' });
    expect(routeOf('#')).toEqual({ screen: 'contact' });
    expect(routeOf('#/')).toEqual({ screen: 'contact' });
    expect(routeOf('#/nowhere/at/all')).toEqual({ screen: 'contact' });
    expect(routeOf('#/people')).toEqual({ screen: 'contact' });
  });
});
