import { useEffect, useState } from 'react';
import type { PersonSearchHit } from '../../api/types';
import { Field } from '../../components/field';
import { ProblemNotice } from '../../components/problem-notice';
import { useConsole } from '../../console-context';
import { formatDate } from '../../lib/format';
import { StepHeading } from './step-heading';

/** Step 1: search as you type by name (and date of birth); pick someone, or register a new person. */
export function FindPerson({ typed, onTyped, onPick, onRegister }: { typed: { name: string; dateOfBirth: string }; onTyped: (t: { name: string; dateOfBirth: string }) => void; onPick: (personId: string) => void; onRegister: () => void }) {
  const { api } = useConsole();
  const [hits, setHits] = useState<PersonSearchHit[]>([]);
  const [more, setMore] = useState(false);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<unknown>();
  const { name, dateOfBirth } = typed;

  useEffect(() => {
    if (name.trim().length < 2 && !dateOfBirth) {
      setHits([]);
      setMore(false);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      setSearching(true);
      try {
        const { body } = await api.searchPeople(name, dateOfBirth || undefined, abort.signal);
        setHits(body.people);
        setMore(body.more);
        setError(undefined);
      } catch (e) {
        if (!abort.signal.aborted) setError(e);
      } finally {
        if (!abort.signal.aborted) setSearching(false);
      }
    }, 120);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, name, dateOfBirth]);

  const typedEnough = name.trim().length >= 2 || Boolean(dateOfBirth);
  return (
    <section aria-labelledby="step-find">
      <StepHeading>
        <span id="step-find">Who is calling?</span>
      </StepHeading>
      <p className="muted">Search by name as you type; add the date of birth to be sure. You see people your organisation registered or whose consent covers it.</p>
      <form className="row" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label="Name" field="search" error={error}>
          {(p) => <input {...p} type="search" value={name} autoComplete="off" autoFocus onChange={(e) => onTyped({ name: e.target.value, dateOfBirth })} />}
        </Field>
        <Field label="Date of birth" field="dateOfBirth" error={error}>
          {(p) => <input {...p} type="date" value={dateOfBirth} max={new Date().toISOString().slice(0, 10)} onChange={(e) => onTyped({ name, dateOfBirth: e.target.value })} />}
        </Field>
      </form>
      <ProblemNotice error={error} />
      <div aria-live="polite" className="search-results">
        {typedEnough && !searching && hits.length === 0 && !error && <p>No one found{dateOfBirth ? ' with that date of birth' : ''}.</p>}
        {hits.length > 0 && (
          <ul className="hits" aria-label="People found">
            {hits.map((h) => (
              <li key={h.personId}>
                <button onClick={() => onPick(h.personId)}>
                  <strong>
                    {h.givenName} {h.familyName}
                  </strong>
                  <span>born {formatDate(h.dateOfBirth)}</span>
                  {h.postcode && <span>{h.postcode}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
        {more && <p className="muted">More people match: type more of the name or add the date of birth.</p>}
      </div>
      <div className="actions">
        <button className={typedEnough ? 'primary' : ''} onClick={onRegister}>
          Register a new person
        </button>
      </div>
    </section>
  );
}
