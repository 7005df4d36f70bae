import { FormEvent, useMemo, useState } from 'react';
import { newIdempotencyKey } from '../../api/client';
import type { Service } from '../../api/types';
import { Field } from '../../components/field';
import { ProblemNotice } from '../../components/problem-notice';
import { useConsole } from '../../console-context';
import { isoDay } from '../../lib/format';

/** Light-touch recording: a group session is a date and a head count, nothing more. */
export function GroupAttendanceForm({ services, onRecorded }: { services: Service[]; onRecorded: () => void }) {
  const { api } = useConsole();
  const [serviceId, setServiceId] = useState(services[0]?.serviceId ?? '');
  const [occurredOn, setOccurredOn] = useState(isoDay(new Date()));
  const [count, setCount] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => newIdempotencyKey(), [serviceId, occurredOn, count]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await api.recordGroupAttendance({ serviceId, occurredOn, count: /^\d+$/.test(count.trim()) ? Number(count) : (count as unknown as number) }, key);
      setDone(`Recorded ${count} at ${services.find((s) => s.serviceId === serviceId)?.name} on ${occurredOn}.`);
      setCount('');
      onRecorded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="group-attendance">
      <h2 id="group-attendance">Record a group session</h2>
      <form className="row" onSubmit={submit} noValidate>
        <Field label="Service" field="serviceId" error={error}>
          {(p) => (
            <select {...p} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
              {services.map((s) => (
                <option key={s.serviceId} value={s.serviceId}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Date" field="occurredOn" error={error}>
          {(p) => <input {...p} type="date" value={occurredOn} max={isoDay(new Date())} onChange={(e) => setOccurredOn(e.target.value)} />}
        </Field>
        <Field label="Head count" field="count" error={error}>
          {(p) => <input {...p} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} size={5} />}
        </Field>
        <button type="submit" className="primary align-end" disabled={busy}>
          Record
        </button>
      </form>
      <ProblemNotice error={error} />
      {done && (
        <p role="status" className="notice info">
          {done}
        </p>
      )}
    </section>
  );
}
