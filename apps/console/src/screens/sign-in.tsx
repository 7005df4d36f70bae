import { FormEvent, useEffect, useState } from 'react';
import type { OnedoorApi } from '../api/onedoor';
import type { SignInOptions } from '../api/types';
import { ProblemNotice } from '../components/problem-notice';

/** Dev mode: pick a demo partner. Token mode: paste the token the consortium issued (or open a sign-in link). */
export function SignIn({ api, notice, onSignedIn }: { api: OnedoorApi; notice?: string; onSignedIn: (token: string) => void }) {
  const [options, setOptions] = useState<SignInOptions | undefined>();
  const [error, setError] = useState<unknown>();
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.signInOptions().then((a) => setOptions(a.body), setError);
  }, [api]);

  const pick = async (partnerId: string) => {
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn((await api.devToken(partnerId)).body.token);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    if (pasted.trim()) onSignedIn(pasted.trim());
  };

  return (
    <main id="main" className="page narrow sign-in">
      <h1>Sign in to OneDoor</h1>
      {notice && !error && (
        <div role="alert" className="notice warning">
          <p>{notice}</p>
        </div>
      )}
      <ProblemNotice error={error} />
      {options?.mode === 'dev' && (
        <section aria-labelledby="demo-sign-in">
          <div className="notice demo">
            <h2 id="demo-sign-in">Demo sign-in</h2>
            <p>
              This OneDoor runs in <strong>demo mode</strong> (<code>AUTH_MODE=dev</code>): anyone can act as staff of any partner. Never use it for real people's data.
            </p>
          </div>
          {options.consortium && <p>{options.consortium.name}: choose the partner you work for.</p>}
          <ul className="partner-picker">
            {options.partners?.map((p) => (
              <li key={p.partnerId}>
                <button disabled={busy} onClick={() => pick(p.partnerId)}>
                  <span>{p.name}</span>
                  <span className="muted">{p.role === 'hub' ? 'hub — sees every referral' : 'delivery partner'}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="token-sign-in">
        <h2 id="token-sign-in">{options?.mode === 'dev' ? 'Or sign in with a token' : 'Sign in with your token'}</h2>
        <p>Your consortium issues each member of staff a sign-in token (or a sign-in link). It is kept only in this browser tab and forgotten when you close it or sign out.</p>
        <form onSubmit={submitToken}>
          <div className="field">
            <label htmlFor="token">Sign-in token</label>
            <textarea id="token" rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} autoComplete="off" spellCheck={false} />
          </div>
          <button type="submit" className="primary" disabled={!pasted.trim()}>
            Sign in
          </button>
        </form>
      </section>
    </main>
  );
}
