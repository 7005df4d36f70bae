import { FormEvent, useMemo, useState } from 'react';
import { newIdempotencyKey } from '../../api/client';
import type { GiveConsentBody, Person } from '../../api/types';
import { Field } from '../../components/field';
import { ProblemNotice } from '../../components/problem-notice';
import { useConsole } from '../../console-context';
import { consentSummary } from '../../lib/consent-state';
import { formatMoment, isoDay } from '../../lib/format';
import { fieldWords } from '../../lib/plain-words';
import { StepHeading } from './step-heading';

const PURPOSES: { id: GiveConsentBody['purposes'][number]; label: string }[] = [
  { id: 'referral', label: 'Referral to a partner' },
  { id: 'case-management', label: 'Case management (support and notes)' },
  { id: 'outcome-reporting', label: 'Outcome reporting to the commissioner' },
  { id: 'research', label: 'Research' },
];

function aYearFrom(now: Date): string {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return isoDay(d);
}

/** Step 3: record what the person agrees to: which partners, for what, until when. */
export function RecordConsent({ person, onRecorded, onContinue, onBack }: { person: Person; onRecorded: (person: Person) => void; onContinue: () => void; onBack: () => void }) {
  const { api, partners, partnerName } = useConsole();
  const [scope, setScope] = useState<'consortium' | 'partners'>('consortium');
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [purposes, setPurposes] = useState<string[]>(['referral', 'case-management']);
  const [expiresOn, setExpiresOn] = useState(aYearFrom(new Date()));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => newIdempotencyKey(), [scope, partnerIds, purposes, expiresOn, person.version]);
  const current = consentSummary(person.consents, partnerName);

  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const body: GiveConsentBody = {
      scope,
      purposes: purposes as GiveConsentBody['purposes'],
      ...(scope === 'partners' ? { partnerIds } : {}),
      ...(expiresOn ? { expiresAt: `${expiresOn}T23:59:59Z` } : {}),
    };
    try {
      const { body: updated } = await api.giveConsent(person.personId, body, person.version, key);
      onRecorded(updated);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="step-consent">
      <StepHeading>
        <span id="step-consent">Consent to share</span>
      </StepHeading>
      <p className={`consent consent-${current.state}`}>
        <strong>{current.text}</strong>
        {current.state === 'active' && <span> · {current.expiresAt ? `expires ${formatMoment(current.expiresAt)}` : 'no expiry date'}</span>}
      </p>
      <p className="muted">Read the consent statement to the person. A referral can only go to a partner their consent covers.</p>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Who may see their details</legend>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'consortium'} onChange={() => setScope('consortium')} /> Every partner in the consortium
          </label>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'partners'} onChange={() => setScope('partners')} /> Only the partners chosen
          </label>
          {scope === 'partners' && (
            <div className="checks indent" role="group" aria-label="Partners covered">
              {partners.map((p) => (
                <label key={p.partnerId} className="check">
                  <input type="checkbox" checked={partnerIds.includes(p.partnerId)} onChange={(e) => setPartnerIds(toggle(partnerIds, p.partnerId, e.target.checked))} /> {p.name}
                </label>
              ))}
            </div>
          )}
          {error !== undefined && <FieldNote error={error} field="partnerIds" />}
        </fieldset>
        <fieldset>
          <legend>For what</legend>
          {PURPOSES.map((p) => (
            <label key={p.id} className="check">
              <input type="checkbox" checked={purposes.includes(p.id)} onChange={(e) => setPurposes(toggle(purposes, p.id, e.target.checked))} /> {p.label}
            </label>
          ))}
          {error !== undefined && <FieldNote error={error} field="purposes" />}
        </fieldset>
        <Field label="Consent expires on" hint="Leave empty for no expiry date" field="expiresAt" error={error}>
          {(p) => <input {...p} type="date" value={expiresOn} min={isoDay(new Date())} onChange={(e) => setExpiresOn(e.target.value)} />}
        </Field>
        <ProblemNotice error={error} />
        <div className="actions">
          <button type="button" onClick={onBack}>
            Back
          </button>
          {current.state === 'active' && (
            <button type="button" onClick={onContinue}>
              Keep the current consent
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record consent'}
          </button>
        </div>
      </form>
    </section>
  );
}

function FieldNote({ error, field }: { error: unknown; field: string }) {
  const words = fieldWords(error, field);
  return words ? <p className="field-error">{words}</p> : null;
}
