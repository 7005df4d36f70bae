import { FormEvent, useEffect, useState } from 'react';
import { Field } from '../../components/field';
import { ProblemNotice } from '../../components/problem-notice';
import { useConsole } from '../../console-context';
import { needLabel } from '../../lib/format';
import { StepHeading } from './step-heading';

/** Step 4: what the person needs help with, how urgent, and their circumstances in their words. */
export function DescribeNeeds({ needs, urgency, summary, onChange, onContinue, onBack }: { needs: string[]; urgency: 'routine' | 'urgent'; summary: string; onChange: (c: { needs: string[]; urgency: 'routine' | 'urgent'; summary: string }) => void; onContinue: () => void; onBack: () => void }) {
  const { api } = useConsole();
  const [known, setKnown] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [tried, setTried] = useState(false);

  useEffect(() => {
    api.services().then(({ body }) => setKnown([...new Set(body.items.filter((s) => s.status === 'active').flatMap((s) => s.needs))].sort()), setError);
  }, [api]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (needs.length > 0) onContinue();
  };

  return (
    <section aria-labelledby="step-needs">
      <StepHeading>
        <span id="step-needs">What do they need help with?</span>
      </StepHeading>
      <ProblemNotice error={error} />
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={tried && needs.length === 0 ? 'needs-error' : undefined}>
          <legend>Needs (choose all that apply)</legend>
          <div className="checks columns">
            {known.map((n) => (
              <label key={n} className="check">
                <input type="checkbox" checked={needs.includes(n)} onChange={(e) => onChange({ needs: e.target.checked ? [...needs, n] : needs.filter((x) => x !== n), urgency, summary })} /> {needLabel(n)}
              </label>
            ))}
          </div>
          {tried && needs.length === 0 && (
            <p id="needs-error" className="field-error" role="alert">
              Choose at least one need.
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>How urgent</legend>
          <label className="check">
            <input type="radio" name="urgency" checked={urgency === 'routine'} onChange={() => onChange({ needs, urgency: 'routine', summary })} /> Routine
          </label>
          <label className="check">
            <input type="radio" name="urgency" checked={urgency === 'urgent'} onChange={() => onChange({ needs, urgency: 'urgent', summary })} /> Urgent
          </label>
        </fieldset>
        <Field label="Their circumstances" hint="Shared only with partners the person's consent covers">
          {(p) => <textarea {...p} rows={3} maxLength={5000} value={summary} onChange={(e) => onChange({ needs, urgency, summary: e.target.value })} />}
        </Field>
        <div className="actions">
          <button type="button" onClick={onBack}>
            Back
          </button>
          <button type="submit" className="primary">
            Find services
          </button>
        </div>
      </form>
    </section>
  );
}
