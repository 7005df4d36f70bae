import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiClient } from './api/client';
import { onedoorApi } from './api/onedoor';
import type { Actor, Partner } from './api/types';
import { Console, ConsoleContext } from './console-context';
import { connectLive, LiveNotice, LiveState } from './live/live-connection';
import { hashOf, Route, routeOf } from './lib/routes';
import { Session } from './lib/session';
import { plainWords } from './lib/plain-words';
import { ContactPoint } from './screens/contact-point/contact-point';
import { Dashboard } from './screens/dashboard/dashboard';
import { Directory } from './screens/directory/directory';
import { PersonTimeline } from './screens/person-timeline';
import { SignIn } from './screens/sign-in';
import { WorklistScreen } from './screens/worklist/worklist';

const session = new Session(window.sessionStorage);

function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((next: Route) => {
    const hash = hashOf(next);
    // Setting the same hash fires no hashchange (e.g. after replaceState): follow it here too.
    if (window.location.hash === hash) setRoute(routeOf(hash));
    else window.location.hash = hash;
  }, []);
  return [route, go];
}

interface SignedIn {
  actor: Actor;
  consortiumName: string;
  partners: Partner[];
  serviceNames: Map<string, string>;
}

export function App() {
  const [route, go] = useRoute();
  const [token, setToken] = useState<string | undefined>(() => session.token);
  const [signedIn, setSignedIn] = useState<SignedIn | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [live, setLive] = useState<LiveState>('connecting');
  const [signedOutBecause, setSignedOutBecause] = useState<string | undefined>();
  const listeners = useRef(new Set<(notice: LiveNotice) => void>());

  const signOut = useCallback((because?: string) => {
    session.signOut();
    setToken(undefined);
    setSignedIn(undefined);
    setSignedOutBecause(because);
    window.location.hash = '#/sign-in';
  }, []);

  const api = useMemo(() => onedoorApi(new ApiClient(() => session.token, () => signOut('Your sign-in has expired or is not valid. Sign in again.'))), [signOut]);

  // A sign-in URL (#/sign-in?token=…) signs in and leaves the token out of the address bar and history.
  useEffect(() => {
    if (route.screen === 'sign-in' && route.token) {
      session.signIn(route.token);
      setToken(route.token);
      window.history.replaceState(null, '', `${window.location.pathname}#/contact`);
      go({ screen: 'contact' });
    }
  }, [route, go]);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    (async () => {
      try {
        const [{ body: actor }, { body: consortium }, { body: services }] = await Promise.all([api.whoami(), api.consortium(), api.services()]);
        if (!cancelled) {
          setSignedIn({ actor, consortiumName: consortium.consortium.name, partners: consortium.partners.filter((p) => p.active), serviceNames: new Map(services.items.map((x) => [x.serviceId, x.name])) });
          setProblem(undefined);
        }
      } catch (error) {
        if (!cancelled) setProblem(plainWords(error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [token, api]);

  useEffect(() => {
    if (!token || !signedIn) return;
    return connectLive(token, (notice) => listeners.current.forEach((l) => l(notice)), setLive);
  }, [token, signedIn]);

  const context = useMemo<ConsoleContext | undefined>(() => {
    if (!signedIn) return undefined;
    const names = new Map(signedIn.partners.map((p) => [p.partnerId, p.name]));
    const { serviceNames, ...rest } = signedIn;
    return {
      api,
      ...rest,
      partnerName: (id) => (id ? names.get(id) ?? id : ''),
      serviceName: (id) => (id ? serviceNames.get(id) ?? id : ''),
      go,
      onLive: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    };
  }, [signedIn, api, go]);

  if (!token || route.screen === 'sign-in') {
    return (
      <SignIn
        api={api}
        notice={signedOutBecause}
        onSignedIn={(t) => {
          setSignedOutBecause(undefined);
          session.signIn(t);
          setToken(t);
          go({ screen: 'contact' });
        }}
      />
    );
  }
  if (!context) {
    return (
      <main className="page narrow" aria-busy={!problem}>
        {problem ? (
          <div role="alert" className="notice error">
            <p>{problem}</p>
            <button onClick={() => signOut()}>Sign in again</button>
          </div>
        ) : (
          <p>Signing in…</p>
        )}
      </main>
    );
  }
  const me = context.partnerName(context.actor.partnerId);
  return (
    <Console.Provider value={context}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ⌂
          </span>
          <span>
            <strong>OneDoor</strong> <span className="muted">{context.consortiumName}</span>
          </span>
        </div>
        <nav aria-label="Main">
          <ul>
            <NavLink route={{ screen: 'contact' }} current={route.screen === 'contact' || route.screen === 'person'} label="Contact point" />
            <NavLink route={{ screen: 'worklist' }} current={route.screen === 'worklist'} label="Worklist" />
            <NavLink route={{ screen: 'directory' }} current={route.screen === 'directory'} label="Directory" />
            <NavLink route={{ screen: 'dashboard' }} current={route.screen === 'dashboard'} label="Dashboard" />
          </ul>
        </nav>
        <div className="who">
          <span className={`live-dot ${live}`} role="status" aria-label={live === 'live' ? 'Live updates on' : 'Live updates reconnecting'} title={live === 'live' ? 'Live updates on' : 'Reconnecting…'} />
          <span>
            {context.actor.staffId} · <strong>{me}</strong>
          </span>
          <button className="link" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {route.screen === 'contact' && <ContactPoint />}
        {route.screen === 'person' && <PersonTimeline personId={route.personId} />}
        {route.screen === 'worklist' && <WorklistScreen selected={route.referralId} />}
        {route.screen === 'directory' && <Directory />}
        {route.screen === 'dashboard' && <Dashboard />}
      </main>
    </Console.Provider>
  );
}

function NavLink({ route, current, label }: { route: Route; current: boolean; label: string }) {
  return (
    <li>
      <a href={hashOf(route)} aria-current={current ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
}
