import { FormEvent, useMemo, useState } from 'react';
import { ApiProblem, newIdempotencyKey } from '../../api/client';
import type { Person, RegisterPersonBody } from '../../api/types';
import { Field } from '../../components/field';
import { ProblemNotice } from '../../components/problem-notice';
import { useConsole } from '../../console-context';
import { formatDate } from '../../lib/format';
import { splitName } from './journey';
import { StepHeading } from './step-heading';

const CONTACT_METHODS = ['phone', 'email', 'text', 'post', 'in-person'];

interface PossibleDuplicate {
  personId: string;
  person?: Person;
}

/** Step 2: register a new person; a possible duplicate is shown first, as the API's 409 lists it. */
export function RegisterPerson({ typed, onRegistered, onUseExisting, onBack }: { typed: { name: string; dateOfBirth: string }; onRegistered: (person: Person) => void; onUseExisting: (personId: string) => void; onBack: () => void }) {
  const { api } = useConsole();
  const initial = splitName(typed.name);
  const [form, setForm] = useState<RegisterPersonBody>({ givenName: initial.givenName, familyName: initial.familyName, dateOfBirth: typed.dateOfBirth, postcode: '', phone: '', email: '', preferredContactMethod: undefined });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[] | undefined>();
  // Possible duplicates the API does not name to this partner (no consent covers it): only the hub can check them.
  const [hiddenDuplicates, setHiddenDuplicates] = useState(0);
  const [notDuplicate, setNotDuplicate] = useState(false);
  // One key per version of the form: a double click or a retry sends the same key, an edit makes a new attempt.
  const key = useMemo(() => newIdempotencyKey(), [form, notDuplicate]);

  const set = (field: keyof RegisterPersonBody) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setForm({ ...form, [field]: e.target.value });
    setDuplicates(undefined);
    setNotDuplicate(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const body: RegisterPersonBody = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== '' && v !== undefined)) as RegisterPersonBody;
    if (notDuplicate) body.confirmedNotDuplicate = true;
    try {
      const { body: person } = await api.registerPerson(body, key);
      onRegistered(person);
    } catch (e) {
      if (e instanceof ApiProblem && e.rule === 'person.possible-duplicate') {
        const details = e.body.details as { possibleDuplicateIds?: string[]; possibleDuplicatesToCheckWithHub?: number } | undefined;
        const ids = (details?.possibleDuplicateIds ?? []).slice(0, 10);
        setHiddenDuplicates(details?.possibleDuplicatesToCheckWithHub ?? 0);
        const found = await Promise.all(ids.map(async (personId) => ({ personId, person: await api.person(personId).then((a) => a.body, () => undefined) })));
        setDuplicates(found);
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="step-register">
      <StepHeading>
        <span id="step-register">Register a new person</span>
      </StepHeading>
      <form onSubmit={submit} noValidate>
        <div className="row">
          <Field label="Given name" field="givenName" error={error}>
            {(p) => <input {...p} value={form.givenName} onChange={set('givenName')} autoComplete="off" required />}
          </Field>
          <Field label="Family name" field="familyName" error={error}>
            {(p) => <input {...p} value={form.familyName} onChange={set('familyName')} autoComplete="off" required />}
          </Field>
          <Field label="Date of birth" field="dateOfBirth" error={error}>
            {(p) => <input {...p} type="date" value={form.dateOfBirth} onChange={set('dateOfBirth')} required />}
          </Field>
        </div>
        <div className="row">
          <Field label="Postcode" hint="Helps find services nearby" field="postcode" error={error}>
            {(p) => <input {...p} value={form.postcode ?? ''} onChange={set('postcode')} autoComplete="off" />}
          </Field>
          <Field label="Phone" field="phone" error={error}>
            {(p) => <input {...p} type="tel" value={form.phone ?? ''} onChange={set('phone')} autoComplete="off" />}
          </Field>
          <Field label="Email" field="email" error={error}>
            {(p) => <input {...p} type="email" value={form.email ?? ''} onChange={set('email')} autoComplete="off" />}
          </Field>
          <Field label="Preferred contact" field="preferredContactMethod" error={error}>
            {(p) => (
              <select {...p} value={form.preferredContactMethod ?? ''} onChange={set('preferredContactMethod')}>
                <option value="">Not said</option>
                {CONTACT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {duplicates && (
          <div role="alert" className="notice warning" data-testid="possible-duplicates">
            <h3>Is this someone already registered?</h3>
            <p>Someone with the same name and date of birth is already on OneDoor. Check before registering again.</p>
            {(duplicates.length === 0 || hiddenDuplicates > 0) && (
              <p>
                {hiddenDuplicates > 1 ? `${hiddenDuplicates} records are` : 'A record is'} not one your organisation may see: ask the hub to check.
              </p>
            )}
            <ul className="hits">
              {duplicates.map((d) => (
                <li key={d.personId}>
                  {d.person && d.person.details !== '[erased]' ? (
                    <button type="button" onClick={() => onUseExisting(d.personId)}>
                      <strong>
                        {d.person.details.givenName} {d.person.details.familyName}
                      </strong>
                      <span>born {formatDate(d.person.details.dateOfBirth)}</span>
                      {d.person.details.postcode && <span>{d.person.details.postcode}</span>}
                      <span className="muted">Use this person</span>
                    </button>
                  ) : (
                    <span>A record your organisation may not see ({d.personId}). Ask the hub to check it.</span>
                  )}
                </li>
              ))}
            </ul>
            <label className="check">
              <input type="checkbox" checked={notDuplicate} onChange={(e) => setNotDuplicate(e.target.checked)} /> This is a different person: register them anyway
            </label>
          </div>
        )}
        <ProblemNotice error={error} />
        <div className="actions">
          <button type="button" onClick={onBack}>
            Back
          </button>
          <button type="submit" className="primary" disabled={busy || (duplicates !== undefined && !notDuplicate)}>
            {busy ? 'Registering…' : 'Register'}
          </button>
        </div>
      </form>
    </section>
  );
}
