import { FormEvent, useCallback, useEffect, useState } from 'react';
import type { DirectoryPage, Service } from '../../api/types';
import { Field } from '../../components/field';
import { ProblemNotice } from '../../components/problem-notice';
import { useConsole } from '../../console-context';
import { needLabel } from '../../lib/format';
import { OwnService } from './own-service';

/** The shared directory: search every partner's services; keep your own services' capacity and waiting list current. */
export function Directory() {
  const { api, actor, onLive } = useConsole();
  const [query, setQuery] = useState({ q: '', need: '', postcode: '', has_capacity: false });
  const [page, setPage] = useState<DirectoryPage | undefined>();
  const [services, setServices] = useState<Service[]>([]);
  const [error, setError] = useState<unknown>();

  const search = useCallback(() => {
    api.searchDirectory({ q: query.q || undefined, need: query.need || undefined, postcode: query.postcode || undefined, has_capacity: query.has_capacity || undefined }).then(
      (a) => {
        setPage(a.body);
        setError(undefined);
      },
      setError,
    );
  }, [api, query]);
  const loadServices = useCallback(() => {
    api.services().then((a) => setServices(a.body.items), setError);
  }, [api]);

  useEffect(loadServices, [loadServices]);
  useEffect(search, []); // eslint-disable-line react-hooks/exhaustive-deps -- first page on open; then on submit
  useEffect(
    () =>
      onLive((n) => {
        if (n.kind === 'service') {
          loadServices();
          search();
        }
      }),
    [onLive, loadServices, search],
  );

  const needs = [...new Set(services.flatMap((s) => s.needs))].sort();
  const own = services.filter((s) => s.partnerId === actor.partnerId && s.status === 'active');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    search();
  };
  return (
    <div className="directory-screen">
      <h1>Directory</h1>
      {own.length > 0 && (
        <section aria-labelledby="own-services">
          <h2 id="own-services">Your services</h2>
          <p className="muted">Keep places and the waiting list current: the contact point routes by them.</p>
          <div className="own-services">
            {own.map((s) => (
              <OwnService key={s.serviceId} service={s} onSaved={loadServices} />
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="search-directory">
        <h2 id="search-directory">Search the shared directory</h2>
        <form className="row" role="search" onSubmit={submit}>
          <Field label="Words" field="q" error={error}>
            {(p) => <input {...p} type="search" value={query.q} onChange={(e) => setQuery({ ...query, q: e.target.value })} />}
          </Field>
          <Field label="Need" field="need" error={error}>
            {(p) => (
              <select {...p} value={query.need} onChange={(e) => setQuery({ ...query, need: e.target.value })}>
                <option value="">Any need</option>
                {needs.map((n) => (
                  <option key={n} value={n}>
                    {needLabel(n)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Near postcode" field="postcode" error={error}>
            {(p) => <input {...p} value={query.postcode} onChange={(e) => setQuery({ ...query, postcode: e.target.value })} />}
          </Field>
          <label className="check align-end">
            <input type="checkbox" checked={query.has_capacity} onChange={(e) => setQuery({ ...query, has_capacity: e.target.checked })} /> Places free now
          </label>
          <button type="submit" className="primary align-end">
            Search
          </button>
        </form>
        <ProblemNotice error={error} />
        {page && (
          <>
            <p aria-live="polite">
              {page.total} service{page.total === 1 ? '' : 's'} found
            </p>
            <table className="items" data-testid="directory-results">
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Partner</th>
                  <th scope="col">Needs</th>
                  <th scope="col">Places</th>
                  <th scope="col">Takes referrals</th>
                  {page.results.some((r) => r.distanceKm !== undefined) && <th scope="col">Distance</th>}
                </tr>
              </thead>
              <tbody>
                {page.results.map((r) => (
                  <tr key={r.serviceId}>
                    <td>
                      <strong>{r.name}</strong>
                      {r.description && <div className="muted small">{r.description}</div>}
                    </td>
                    <td>{r.partner.name}</td>
                    <td>{r.needs.map(needLabel).join(', ')}</td>
                    <td>{r.capacity ? `${r.capacity.available} of ${r.capacity.maximum} ${r.capacity.unit.replace(/-/g, ' ')}` : '—'}</td>
                    <td>{r.takesReferrals ? (r.hasCapacity ? 'Yes' : 'Waiting list') : 'No: full, list closed'}</td>
                    {page.results.some((x) => x.distanceKm !== undefined) && <td>{r.distanceKm !== undefined ? `${r.distanceKm} km` : '—'}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
