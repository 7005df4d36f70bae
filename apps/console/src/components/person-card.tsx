import type { Person } from '../api/types';
import { useConsole } from '../console-context';
import { consentSummary } from '../lib/consent-state';
import { ageOn, formatDate, formatMoment } from '../lib/format';

/** The person being helped, with their consent state and its expiry always in view. */
export function PersonCard({ person }: { person: Person }) {
  const { partnerName } = useConsole();
  if (person.details === '[erased]') {
    return (
      <aside className="card person-card" aria-label="Person">
        <h2>[erased]</h2>
        <p>This person's details were erased{person.erasedAt ? ` on ${formatDate(person.erasedAt)}` : ''}. Their history remains without personal details.</p>
      </aside>
    );
  }
  const d = person.details;
  const consent = consentSummary(person.consents, partnerName);
  const age = ageOn(d.dateOfBirth, new Date());
  return (
    <aside className="card person-card" aria-label="Person">
      <h2>
        {d.givenName} {d.familyName}
      </h2>
      <dl className="facts">
        <dt>Born</dt>
        <dd>
          {formatDate(d.dateOfBirth)}
          {age !== undefined ? ` (${age})` : ''}
        </dd>
        {d.postcode && (
          <>
            <dt>Postcode</dt>
            <dd>{d.postcode}</dd>
          </>
        )}
        {d.preferredContactMethod && (
          <>
            <dt>Contact by</dt>
            <dd>{d.preferredContactMethod}</dd>
          </>
        )}
      </dl>
      <div className={`consent consent-${consent.state}`} data-testid="consent-state">
        <strong>{consent.text}</strong>
        {consent.state === 'active' && <span>{consent.expiresAt ? `Expires ${formatMoment(consent.expiresAt)}` : 'No expiry date'}</span>}
      </div>
      <p>
        <a href={`#/people/${encodeURIComponent(person.personId)}`}>Timeline</a>
      </p>
    </aside>
  );
}
