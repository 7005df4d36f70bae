/** The console's screens, addressed by the URL fragment so the API keeps every path (e.g. /people). */
export type Route =
  | { screen: 'sign-in'; token?: string }
  | { screen: 'contact' }
  | { screen: 'worklist'; referralId?: string }
  | { screen: 'person'; personId: string }
  | { screen: 'directory' }
  | { screen: 'dashboard' };

export function routeOf(hash: string): Route {
  const [path, queryText = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(queryText);
  switch (parts[0]) {
    case 'sign-in':
      return { screen: 'sign-in', ...(query.get('token') ? { token: query.get('token')! } : {}) };
    case 'worklist':
      return { screen: 'worklist', ...(parts[1] ? { referralId: parts[1] } : {}) };
    case 'people':
      return parts[1] ? { screen: 'person', personId: parts[1] } : { screen: 'contact' };
    case 'directory':
      return { screen: 'directory' };
    case 'dashboard':
      return { screen: 'dashboard' };
    default:
      return { screen: 'contact' };
  }
}

export function hashOf(route: Route): string {
  switch (route.screen) {
    case 'sign-in':
      return '#/sign-in';
    case 'contact':
      return '#/contact';
    case 'worklist':
      return route.referralId ? `#/worklist/${encodeURIComponent(route.referralId)}` : '#/worklist';
    case 'person':
      return `#/people/${encodeURIComponent(route.personId)}`;
    case 'directory':
      return '#/directory';
    case 'dashboard':
      return '#/dashboard';
  }
}
