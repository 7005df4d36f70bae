import { useCallback, useEffect, useRef, useState } from 'react';
import { historySentence } from '../../lib/history-sentence';
import { ApiProblem } from '../../api/client';
import type { ReferralMove } from '../../api/onedoor';
import type { Referral, ReferralHistoryEntry } from '../../api/types';
import { ProblemNotice } from '../../components/problem-notice';
import { StatusBadge } from '../../components/status-badge';
import { useConsole } from '../../console-context';
import { formatDate, formatMoment, needLabel, statusLabel, timeLeft } from '../../lib/format';
import { ActionForms } from './action-forms';
import { actionsFor } from './referral-actions';

/**
 * One referral and what this partner can do with it. Every move carries the version shown (If-Match): when
 * someone else acted first, the API says so, and the fresh state replaces the stale one with a notice.
 */
export function ReferralPanel({ referralId, onClose, onChanged }: { referralId: string; onClose: () => void; onChanged: () => void }) {
  const { api, actor, onLive, partnerName, serviceName } = useConsole();
  const [referral, setReferral] = useState<Referral | undefined>();
  const [history, setHistory] = useState<ReferralHistoryEntry[]>([]);
  const [error, setError] = useState<unknown>();
  const [stale, setStale] = useState<string | undefined>();
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const [busy, setBusy] = useState(false);
  // The version on screen, and whether our own move is in flight: our own changes are not "someone else's".
  const shown = useRef<{ version: number; acting: boolean }>({ version: -1, acting: false });

  const load = useCallback(async () => {
    try {
      const [{ body }, { body: h }] = await Promise.all([api.referral(referralId), api.referralHistory(referralId)]);
      setReferral(body);
      shown.current.version = body.version;
      setHistory(h.history);
      return body;
    } catch (e) {
      setError(e);
      return undefined;
    }
  }, [api, referralId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(
    () =>
      onLive((n) => {
        if (n.kind === 'referral' && n.referralId === referralId && !shown.current.acting && n.version > shown.current.version) {
          void load().then((fresh) => {
            if (fresh) setChangedElsewhere(true);
          });
        }
      }),
    [onLive, referralId, load],
  );

  const act = async (move: ReferralMove | 'interaction' | 'employment', body: unknown) => {
    if (!referral || busy) return false;
    setBusy(true);
    shown.current.acting = true;
    setError(undefined);
    setStale(undefined);
    setChangedElsewhere(false);
    try {
      if (move === 'interaction') await api.recordInteraction(referral.referralId, body as never, crypto.randomUUID());
      else if (move === 'employment') await api.startEmployment(referral.personId, body as never);
      else await api.moveReferral(referral.referralId, move, body, referral.version);
      await load();
      onChanged();
      return true;
    } catch (e) {
      if (e instanceof ApiProblem && e.isStale) {
        const fresh = await load();
        setStale(fresh ? `Someone else changed this referral first: it is now ${statusLabel(fresh.status)}. Nothing you entered was saved. Check the latest state below before acting.` : 'Someone else changed this referral first.');
      } else {
        setError(e);
      }
      return false;
    } finally {
      shown.current.acting = false;
      setBusy(false);
    }
  };

  if (!referral) {
    return (
      <aside className="card panel" aria-label="Referral">
        <ProblemNotice error={error} />
        {!error && <p>Loading…</p>}
      </aside>
    );
  }
  const name = referral.person === undefined ? 'Details not shared with your organisation' : referral.person === '[erased]' ? '[erased]' : `${referral.person.givenName} ${referral.person.familyName}`;
  const left = referral.status === 'requested' ? timeLeft(referral.respondBy, new Date()) : undefined;
  return (
    <aside className="card panel" aria-labelledby="referral-title" data-testid="referral-panel">
      <div className="panel-head">
        <h2 id="referral-title">
          <a href={`#/people/${encodeURIComponent(referral.personId)}`}>{name}</a>
        </h2>
        <button className="link" onClick={onClose} aria-label="Close referral">
          Close
        </button>
      </div>
      <p>
        <StatusBadge status={referral.status} /> {referral.urgency === 'urgent' && <span className="badge urgent">Urgent</span>} {referral.waitlisted && <span className="badge">Waiting list</span>}
        {left && <span className={left.overdue ? 'overdue' : ''}> · {left.text}</span>}
      </p>
      {stale && (
        <div role="alert" className="notice warning" data-testid="stale-notice">
          <p>{stale}</p>
        </div>
      )}
      {changedElsewhere && !stale && (
        <p className="notice info" role="status">
          Updated just now by someone else.
        </p>
      )}
      <dl className="facts">
        <dt>Needs</dt>
        <dd>{referral.needs.map(needLabel).join(', ')}</dd>
        <dt>From</dt>
        <dd>{partnerName(referral.referringPartnerId)}</dd>
        <dt>To</dt>
        <dd>
          {partnerName(referral.receivingPartnerId)} {referral.serviceId && <span className="muted">· {serviceName(referral.serviceId)}</span>}
        </dd>
        {referral.respondBy && (
          <>
            <dt>Respond by</dt>
            <dd>{formatMoment(referral.respondBy)}</dd>
          </>
        )}
        {referral.summary && (
          <>
            <dt>Circumstances</dt>
            <dd className="pre">{referral.summary}</dd>
          </>
        )}
        {referral.lastReason && (
          <>
            <dt>Reason</dt>
            <dd>
              {referral.lastReason.code}
              {referral.lastReason.text ? `: ${referral.lastReason.text}` : ''}
            </dd>
          </>
        )}
        {referral.outcome && (
          <>
            <dt>Outcome</dt>
            <dd>{statusLabel(referral.outcome.code)}</dd>
          </>
        )}
      </dl>
      <ProblemNotice error={error} />
      <ActionForms referral={referral} actions={actionsFor(referral, actor)} busy={busy} error={error} onAct={act} />
      {referral.interactions.length > 0 && (
        <section aria-label="Support recorded">
          <h3>Support recorded</h3>
          <ul className="plain">
            {referral.interactions.map((i) => (
              <li key={i.interactionId}>
                {formatDate(i.occurredOn)} · {statusLabel(i.kind)} · {partnerName(i.partnerId)}
                {i.notes && <div className="pre muted">{i.notes}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="History">
        <h3>History</h3>
        <ol className="history">
          {history.map((h) => (
            <li key={h.position}>
              <time dateTime={h.at}>{formatMoment(h.at)}</time> {historySentence(h, { partner: partnerName, service: serviceName })} <span className="muted">({h.by.staffId}, {partnerName(h.by.partnerId)})</span>
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
