import { FormEvent, useState } from 'react';
import { ApiProblem } from '../../api/client';
import type { CapacityBody, Service } from '../../api/types';
import { Field } from '../../components/field';
import { ProblemNotice } from '../../components/problem-notice';
import { useConsole } from '../../console-context';

const UNITS: CapacityBody['unit'][] = ['places', 'appointments-per-week', 'hours-per-week', 'sessions-per-month'];

/** One of the partner's own services: places free, the maximum, and whether its waiting list is open. */
export function OwnService({ service, onSaved }: { service: Service; onSaved: () => void }) {
  const { api } = useConsole();
  const [available, setAvailable] = useState(String(service.capacity?.available ?? 0));
  const [maximum, setMaximum] = useState(String(service.capacity?.maximum ?? 0));
  const [unit, setUnit] = useState<CapacityBody['unit']>((service.capacity?.unit as CapacityBody['unit']) ?? 'places');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const run = async (write: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      await write();
      setSaved(done);
      onSaved();
    } catch (e) {
      setError(e);
      if (e instanceof ApiProblem && e.isStale) onSaved();
    } finally {
      setBusy(false);
    }
  };
  const saveCapacity = (e: FormEvent) => {
    e.preventDefault();
    const toNumber = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : (v as unknown as number));
    void run(() => api.setCapacity(service.serviceId, { available: toNumber(available), maximum: toNumber(maximum), unit }, service.version), 'Capacity saved.');
  };
  const label = service.name;
  return (
    <form className="card own-service" onSubmit={saveCapacity} noValidate aria-label={`Capacity of ${label}`}>
      <h3>{label}</h3>
      <div className="row">
        <Field label="Free" field="available" error={error}>
          {(p) => <input {...p} inputMode="numeric" value={available} onChange={(e) => setAvailable(e.target.value)} size={5} />}
        </Field>
        <Field label="Maximum" field="maximum" error={error}>
          {(p) => <input {...p} inputMode="numeric" value={maximum} onChange={(e) => setMaximum(e.target.value)} size={5} />}
        </Field>
        <Field label="Unit" field="unit" error={error}>
          {(p) => (
            <select {...p} value={unit} onChange={(e) => setUnit(e.target.value as CapacityBody['unit'])}>
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {u.replace(/-/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions wrap">
        <button type="submit" className="primary" disabled={busy}>
          Save capacity
        </button>
        <button type="button" disabled={busy} onClick={() => run(() => api.setWaitlist(service.serviceId, { status: service.waitlist === 'open' ? 'closed' : 'open' }, service.version), 'Waiting list updated.')}>
          {service.waitlist === 'open' ? 'Close the waiting list' : 'Open the waiting list'}
        </button>
        <span className="muted">Waiting list {service.waitlist}</span>
      </div>
      <ProblemNotice error={error} />
      {saved && (
        <p role="status" className="notice info">
          {saved}
        </p>
      )}
    </form>
  );
}
