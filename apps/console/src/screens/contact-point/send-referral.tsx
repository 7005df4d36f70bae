import { useMemo, useState } from 'react';
import { ApiProblem, newIdempotencyKey } from '../../api/client';
import type { Person, Referral } from '../../api/types';
import { ProblemNotice } from '../../components/problem-notice';
import { useConsole } from '../../console-context';
import { consentCoversPartner } from '../../lib/consent-state';
import { needLabel } from '../../lib/format';
import type { ChosenService } from './journey';
import { StepHeading } from './step-heading';

/** Step 6: check and send. One Idempotency-Key for this referral, however often the button is pressed. */
export function SendReferral({ person, needs, urgency, summary, service, onSent, onBack, onFixConsent }: { person: Person; needs: string[]; urgency: 'routine' | 'urgent'; summary: string; service: ChosenService; onSent: (r: Referral) => void; onBack: () => void; onFixConsent: () => void }) {
  const { api, partnerName } = useConsole();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => newIdempotencyKey(), [person.personId, needs, urgency, summary, service.serviceId]);
  const covered = consentCoversPartner(person.consents, service.partnerId);

  const send = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const { body } = await api.createReferral({ personId: person.personId, needs, urgency, serviceId: service.serviceId, ...(summary.trim() ? { summary: summary.trim() } : {}) }, key);
      onSent(body);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const consentProblem = error instanceof ApiProblem && error.rule === 'referral.consent-required';
  const name = person.details === '[erased]' ? '[erased]' : `${person.details.givenName} ${person.details.familyName}`;
  return (
    <section aria-labelledby="step-create">
      <StepHeading>
        <span id="step-create">Check and send the referral</span>
      </StepHeading>
      <dl className="facts summary">
        <dt>Person</dt>
        <dd>{name}</dd>
        <dt>Needs</dt>
        <dd>{needs.map(needLabel).join(', ')}</dd>
        <dt>Urgency</dt>
        <dd>{urgency}</dd>
        <dt>Service</dt>
        <dd>
          {service.name} ({partnerName(service.partnerId)})
        </dd>
        {summary && (
          <>
            <dt>Circumstances</dt>
            <dd className="pre">{summary}</dd>
          </>
        )}
      </dl>
      {!covered && !error && <p className="notice warning">The person's consent on record does not appear to cover {partnerName(service.partnerId)}.</p>}
      <ProblemNotice error={error}>
        {consentProblem && (
          <button type="button" onClick={onFixConsent}>
            Record consent for {partnerName(service.partnerId)}
          </button>
        )}
      </ProblemNotice>
      <div className="actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="primary" onClick={send} disabled={busy} aria-busy={busy}>
          {busy ? 'Sending…' : 'Send referral'}
        </button>
      </div>
    </section>
  );
}
