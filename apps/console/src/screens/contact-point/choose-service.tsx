import { FormEvent, useEffect, useState } from 'react';
import type { Person, ScoreParts, Service, Suggestions } from '../../api/types';
import { Field } from '../../components/field';
import { ProblemNotice } from '../../components/problem-notice';
import { useConsole } from '../../console-context';
import { needLabel } from '../../lib/format';
import type { ChosenService } from './journey';
import { StepHeading } from './step-heading';

const PART_LABELS: Record<keyof ScoreParts, string> = {
  needs: 'Fit to needs',
  capacity: 'Places free',
  distance: 'Distance',
  responsiveness: 'Responsiveness',
  delivery: 'Target position',
  load: 'Open work',
};

/** Step 5: ranked routing suggestions with their score parts and reasons; or any service from the directory. */
export function ChooseService({ person, needs, chosen, onChoose, onContinue, onBack }: { person: Person; needs: string[]; chosen?: ChosenService; onChoose: (s: ChosenService) => void; onContinue: () => void; onBack: () => void }) {
  const { api, partnerName } = useConsole();
  const [suggestions, setSuggestions] = useState<Suggestions | undefined>();
  const [services, setServices] = useState<Service[]>([]);
  const [error, setError] = useState<unknown>();
  const [tried, setTried] = useState(false);

  useEffect(() => {
    api.routingSuggestions(person.personId, needs).then((a) => setSuggestions(a.body), setError);
    api.services().then((a) => setServices(a.body.items.filter((s) => s.status === 'active')), () => undefined);
  }, [api, person.personId, needs]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (chosen) onContinue();
  };
  const excluded = suggestions?.excluded ?? {};
  return (
    <section aria-labelledby="step-suggest">
      <StepHeading>
        <span id="step-suggest">Choose a service</span>
      </StepHeading>
      <p className="muted">For {needs.map(needLabel).join(', ')}. Ranked by a score out of 100; each part says why.</p>
      <ProblemNotice error={error} />
      <form onSubmit={submit} noValidate>
        {suggestions && suggestions.suggestions.length === 0 && <p>No service fits these needs for this person just now.</p>}
        {suggestions && suggestions.suggestions.length > 0 && (
          <fieldset>
            <legend>Suggested services</legend>
            <ol className="suggestions">
              {suggestions.suggestions.map((s) => (
                <li key={s.serviceId} className={chosen?.serviceId === s.serviceId ? 'chosen' : ''}>
                  <label className="suggestion">
                    <input type="radio" name="service" checked={chosen?.serviceId === s.serviceId} onChange={() => onChoose({ serviceId: s.serviceId, name: s.name, partnerId: s.partnerId, suggestion: s })} />
                    <span className="suggestion-head">
                      <strong>
                        {s.rank}. {s.name}
                      </strong>{' '}
                      <span className="muted">{s.partnerName}</span>
                      <span className="score" aria-label={`score ${s.score} of 100`}>
                        {s.score}
                      </span>
                    </span>
                  </label>
                  <table className="score-parts">
                    <caption className="visually-hidden">Score parts for {s.name}</caption>
                    <tbody>
                      {(Object.keys(PART_LABELS) as (keyof ScoreParts)[]).map((part) => (
                        <tr key={part}>
                          <th scope="row">{PART_LABELS[part]}</th>
                          <td className="bar-cell">
                            <span className="bar" style={{ width: `${(100 * s.scoreParts[part]) / Math.max(1, suggestions.weights[part])}%` }} />
                          </td>
                          <td className="num">
                            {s.scoreParts[part]} / {suggestions.weights[part]}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <ul className="reasons">
                    {s.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                    {s.waitlisted && <li>Full: the referral joins the waiting list</li>}
                  </ul>
                </li>
              ))}
            </ol>
          </fieldset>
        )}
        {(excluded.consentDoesNotCover ?? 0) > 0 && <p className="notice warning">{excluded.consentDoesNotCover} service(s) left out because the person's consent does not cover their partner.</p>}
        <Field label="Or choose any service in the directory">
          {(p) => (
            <select
              {...p}
              value={chosen && !chosen.suggestion ? chosen.serviceId : ''}
              onChange={(e) => {
                const s = services.find((x) => x.serviceId === e.target.value);
                if (s) onChoose({ serviceId: s.serviceId, name: s.name, partnerId: s.partnerId });
              }}
            >
              <option value="">—</option>
              {services.map((s) => (
                <option key={s.serviceId} value={s.serviceId}>
                  {s.name} ({partnerName(s.partnerId)})
                </option>
              ))}
            </select>
          )}
        </Field>
        {tried && !chosen && (
          <p className="field-error" role="alert">
            Choose a service.
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onBack}>
            Back
          </button>
          <button type="submit" className="primary">
            Continue
          </button>
        </div>
      </form>
    </section>
  );
}
