import { useCallback, useEffect, useState } from 'react';
import type { Person, Timeline } from '../api/types';
import { PersonCard } from '../components/person-card';
import { ProblemNotice } from '../components/problem-notice';
import { useConsole } from '../console-context';
import { formatMoment } from '../lib/format';

const KIND_LABELS: Record<string, string> = {
  registered: 'Registered',
  'details-corrected': 'Details corrected',
  'consent-given': 'Consent',
  'consent-withdrawn': 'Consent withdrawn',
  'consent-expired': 'Consent expired',
  erased: 'Erased',
  referral: 'Referral',
  interaction: 'Support',
};

/** Everything the signed-in partner may see about a person, newest first, who did what and when; live. */
export function PersonTimeline({ personId }: { personId: string }) {
  const { api, onLive, partnerName } = useConsole();
  const [person, setPerson] = useState<Person | undefined>();
  const [timeline, setTimeline] = useState<Timeline | undefined>();
  const [error, setError] = useState<unknown>();
  const [withdrawError, setWithdrawError] = useState<unknown>();

  const load = useCallback(async () => {
    try {
      const [p, t] = await Promise.all([api.person(personId), api.timeline(personId)]);
      setPerson(p.body);
      setTimeline(t.body);
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, [api, personId]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => onLive((n) => (n.kind === 'person' || n.kind === 'referral') && n.personId === personId && void load()), [onLive, personId, load]);

  const withdraw = async (consentId: string) => {
    if (!person) return;
    setWithdrawError(undefined);
    try {
      await api.withdrawConsent(person.personId, consentId, person.version);
      await load();
    } catch (e) {
      setWithdrawError(e);
      await load();
    }
  };

  return (
    <div className="timeline-screen">
      <h1>Person timeline</h1>
      <ProblemNotice error={error} />
      {person && (
        <div className="with-aside">
          <div>
            {person.erased && (
              <p className="notice info" data-testid="erased-notice">
                This person's details were erased. What happened stays on the record, without their personal details.
              </p>
            )}
            <section aria-labelledby="history-title">
              <h2 id="history-title">What happened</h2>
              <ol className="timeline" data-testid="timeline">
                {[...(timeline?.entries ?? [])].reverse().map((e) => (
                  <li key={`${e.position}-${e.kind}`}>
                    <time dateTime={e.at}>{formatMoment(e.at)}</time>
                    <span className={`badge kind-${e.kind}`}>{KIND_LABELS[e.kind] ?? e.kind}</span>
                    <span>{e.summary}</span>
                    <span className="muted"> · {partnerName(e.partnerId)}</span>
                    {e.referralId && (
                      <>
                        {' '}
                        <a href={`#/worklist/${encodeURIComponent(e.referralId)}`}>open referral</a>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            </section>
            {!person.erased && person.consents.length > 0 && (
              <section aria-labelledby="consents-title">
                <h2 id="consents-title">Consents</h2>
                <ProblemNotice error={withdrawError} />
                <table className="items">
                  <thead>
                    <tr>
                      <th scope="col">Covers</th>
                      <th scope="col">For</th>
                      <th scope="col">Given</th>
                      <th scope="col">Expires</th>
                      <th scope="col">State</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {person.consents.map((c) => (
                      <tr key={c.consentId}>
                        <td>{c.scope.kind === 'consortium' ? 'Whole consortium' : c.scope.partnerIds.map(partnerName).join(', ')}</td>
                        <td>{c.purposes.join(', ')}</td>
                        <td>{formatMoment(c.givenAt)}</td>
                        <td>{c.expiresAt ? formatMoment(c.expiresAt) : 'No expiry'}</td>
                        <td>{c.active ? 'Active' : c.withdrawnAt ? 'Withdrawn' : 'Expired'}</td>
                        <td>
                          {c.active && (
                            <button className="link" onClick={() => withdraw(c.consentId)}>
                              Withdraw
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
          </div>
          <PersonCard person={person} />
        </div>
      )}
    </div>
  );
}
