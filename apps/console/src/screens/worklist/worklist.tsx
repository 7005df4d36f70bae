import { useCallback, useEffect, useRef, useState } from 'react';
import type { Worklist, WorklistItem } from '../../api/types';
import { ProblemNotice } from '../../components/problem-notice';
import { StatusBadge } from '../../components/status-badge';
import { useConsole } from '../../console-context';
import { needLabel, timeLeft } from '../../lib/format';
import { ReferralPanel } from './referral-panel';
import { worklistSections } from './worklist-sections';

/** A partner's worklist: what to respond to (overdue first), work in hand, referrals sent; live. */
export function WorklistScreen({ selected }: { selected?: string }) {
  const { api, actor, onLive, go, partnerName } = useConsole();
  const [worklist, setWorklist] = useState<Worklist | undefined>();
  const [error, setError] = useState<unknown>();
  const [now, setNow] = useState(() => new Date());
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback(() => {
    api.worklist(actor.partnerId).then(
      (a) => {
        setWorklist(a.body);
        setNow(new Date());
        setError(undefined);
      },
      setError,
    );
  }, [api, actor.partnerId]);

  useEffect(load, [load]);
  useEffect(
    () =>
      onLive((n) => {
        if (n.kind !== 'referral') return;
        // Several notices in a burst (a create and its route) make one reload.
        clearTimeout(reloadTimer.current);
        reloadTimer.current = setTimeout(load, 100);
      }),
    [onLive, load],
  );
  useEffect(() => {
    const tick = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(tick);
  }, []);

  const sections = worklist ? worklistSections(worklist.items) : undefined;
  return (
    <div className="worklist-screen">
      <div className="worklist-head">
        <h1>Worklist · {partnerName(actor.partnerId)}</h1>
        {worklist && (
          <p className="counts" data-testid="worklist-counts">
            <span>{sections!.respond.length} to respond to</span>
            <span className={worklist.overdue.length > 0 ? 'overdue' : ''}>{worklist.overdue.length} overdue</span>
            <span>{sections!.working.length} in hand</span>
          </p>
        )}
      </div>
      <ProblemNotice error={error} />
      <div className={selected ? 'split' : ''}>
        <div className="lists">
          {sections && (
            <>
              <ItemTable title="Waiting for your response" items={sections.respond} now={now} selected={selected} onOpen={(id) => go({ screen: 'worklist', referralId: id })} empty="Nothing waiting for a response." />
              <ItemTable title="Work in hand" items={sections.working} now={now} selected={selected} onOpen={(id) => go({ screen: 'worklist', referralId: id })} empty="No open work." />
              <ItemTable title="Referrals you sent" items={sections.sent} now={now} selected={selected} onOpen={(id) => go({ screen: 'worklist', referralId: id })} empty="No open referrals sent." />
              <details>
                <summary>Closed ({sections.closed.length})</summary>
                <ItemTable title="Closed" items={sections.closed} now={now} selected={selected} onOpen={(id) => go({ screen: 'worklist', referralId: id })} empty="None." hideTitle />
              </details>
            </>
          )}
        </div>
        {selected && <ReferralPanel key={selected} referralId={selected} onClose={() => go({ screen: 'worklist' })} onChanged={load} />}
      </div>
    </div>
  );
}

function ItemTable({ title, items, now, selected, onOpen, empty, hideTitle }: { title: string; items: WorklistItem[]; now: Date; selected?: string; onOpen: (id: string) => void; empty: string; hideTitle?: boolean }) {
  const { serviceName } = useConsole();
  return (
    <section className="worklist-section" aria-label={title}>
      {!hideTitle && (
        <h2>
          {title} <span className="muted">({items.length})</span>
        </h2>
      )}
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="items">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Needs</th>
              <th scope="col">Status</th>
              <th scope="col">Respond by</th>
              <th scope="col">Service</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const left = i.status === 'requested' ? timeLeft(i.respondBy, now) : undefined;
              const name = i.person === undefined ? 'Not shared' : i.person === '[erased]' ? '[erased]' : `${i.person.givenName} ${i.person.familyName}`;
              return (
                <tr key={i.referralId} className={`${selected === i.referralId ? 'selected' : ''}${left?.overdue ? ' overdue' : ''}`} data-referral-id={i.referralId}>
                  <td>
                    <button className="link" onClick={() => onOpen(i.referralId)} aria-label={`Open referral for ${name}`}>
                      {name}
                    </button>
                    {i.urgency === 'urgent' && <span className="badge urgent">Urgent</span>}
                  </td>
                  <td>{i.needs.map(needLabel).join(', ')}</td>
                  <td>
                    <StatusBadge status={i.status} />
                    {i.waitlisted && <span className="badge">Waiting list</span>}
                  </td>
                  <td className={left?.overdue ? 'overdue' : ''}>{left?.text ?? '—'}</td>
                  <td>{i.serviceId ? serviceName(i.serviceId) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
