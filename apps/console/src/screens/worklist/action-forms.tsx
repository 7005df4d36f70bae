import { FormEvent, useEffect, useState } from 'react';
import type { ReferralMove } from '../../api/onedoor';
import type { Referral, Service } from '../../api/types';
import { Field } from '../../components/field';
import { useConsole } from '../../console-context';
import { isoDay, statusLabel } from '../../lib/format';
import { Action, INTERACTION_KINDS, OUTCOME_CODES, REASON_CODES } from './referral-actions';

type Act = (move: ReferralMove | 'interaction' | 'employment', body: unknown) => Promise<boolean>;

const LABELS: Record<Action, string> = {
  accept: 'Accept',
  reject: 'Reject',
  interaction: 'Record support',
  hold: 'Put on hold',
  resume: 'Resume',
  handoff: 'Hand off',
  employment: 'Record a job start',
  complete: 'Complete',
  fail: 'Close as failed',
  cancel: 'Cancel referral',
  route: 'Route to another service',
};

/** The moves on a referral: one-click where nothing more is needed, a small form where a reason or outcome is. */
export function ActionForms({ referral, actions, busy, error, onAct }: { referral: Referral; actions: Action[]; busy: boolean; error: unknown; onAct: Act }) {
  const [open, setOpen] = useState<Action | undefined>();
  const done = (ok: boolean) => ok && setOpen(undefined);
  if (actions.length === 0) return <p className="muted">No action is yours to take on this referral now.</p>;
  const oneClick = (a: Action, move: ReferralMove) => (
    <button key={a} className="primary" disabled={busy} onClick={() => onAct(move, undefined).then(done)}>
      {LABELS[a]}
    </button>
  );
  return (
    <section aria-label="Actions" className="actions-area">
      <div className="actions wrap">
        {actions.includes('accept') && oneClick('accept', 'accept')}
        {actions.includes('resume') && oneClick('resume', 'resume')}
        {actions.includes('interaction') && (
          <button disabled={busy} onClick={() => onAct('interaction', { kind: 'attendance', occurredOn: isoDay(new Date()) }).then(done)}>
            Attended today
          </button>
        )}
        {actions
          .filter((a) => a !== 'accept' && a !== 'resume')
          .map((a) => (
            <button key={a} aria-expanded={open === a} className={open === a ? 'pressed' : ''} disabled={busy} onClick={() => setOpen(open === a ? undefined : a)}>
              {LABELS[a]}…
            </button>
          ))}
      </div>
      {open && (
        <div className="card inset">
          {(open === 'reject' || open === 'hold' || open === 'fail' || open === 'cancel') && <ReasonForm title={LABELS[open]} busy={busy} error={error} onSubmit={(reason) => onAct(open, { reason }).then(done)} />}
          {open === 'interaction' && <InteractionForm busy={busy} error={error} onSubmit={(body) => onAct('interaction', body).then(done)} />}
          {open === 'employment' && <EmploymentForm busy={busy} error={error} onSubmit={(body) => onAct('employment', body).then(done)} />}
          {open === 'complete' && <CompleteForm busy={busy} error={error} onSubmit={(body) => onAct('complete', body).then(done)} />}
          {(open === 'handoff' || open === 'route') && <ServiceForm referral={referral} mode={open} busy={busy} error={error} onSubmit={(body) => onAct(open, body).then(done)} />}
        </div>
      )}
    </section>
  );
}

function ReasonForm({ title, busy, error, onSubmit }: { title: string; busy: boolean; error: unknown; onSubmit: (reason: { code: string; text?: string }) => void }) {
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ code, ...(text.trim() ? { text: text.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Field label="Reason" field="reason.code" error={error}>
        {(p) => (
          <select {...p} value={code} onChange={(e) => setCode(e.target.value)} autoFocus>
            <option value="">Choose a reason</option>
            {REASON_CODES.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={code === 'other' ? 'Say why (required)' : 'More detail (optional)'} field="reason.text" error={error}>
        {(p) => <textarea {...p} rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {title}
      </button>
    </form>
  );
}

function InteractionForm({ busy, error, onSubmit }: { busy: boolean; error: unknown; onSubmit: (body: { kind: string; occurredOn: string; notes?: string }) => void }) {
  const [kind, setKind] = useState('one-to-one');
  const [occurredOn, setOccurredOn] = useState(isoDay(new Date()));
  const [notes, setNotes] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ kind, occurredOn, ...(notes.trim() ? { notes: notes.trim() } : {}) });
      }}
      noValidate
      aria-label="Record support"
    >
      <div className="row">
        <Field label="Kind of support" field="kind" error={error}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value)} autoFocus>
              {INTERACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {statusLabel(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Date" field="occurredOn" error={error}>
          {(p) => <input {...p} type="date" value={occurredOn} max={isoDay(new Date())} onChange={(e) => setOccurredOn(e.target.value)} />}
        </Field>
      </div>
      <Field label="Case notes (optional)" hint="Shared only where the person's consent allows" field="notes" error={error}>
        {(p) => <textarea {...p} rows={3} maxLength={10000} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        Record support
      </button>
    </form>
  );
}

function EmploymentForm({ busy, error, onSubmit }: { busy: boolean; error: unknown; onSubmit: (body: { startedOn: string }) => void }) {
  const [startedOn, setStartedOn] = useState(isoDay(new Date()));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ startedOn });
      }}
      noValidate
      aria-label="Record a job start"
    >
      <Field label="Started work on" field="startedOn" error={error}>
        {(p) => <input {...p} type="date" value={startedOn} max={isoDay(new Date())} onChange={(e) => setStartedOn(e.target.value)} autoFocus />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        Record the job start
      </button>
    </form>
  );
}

function CompleteForm({ busy, error, onSubmit }: { busy: boolean; error: unknown; onSubmit: (body: { outcome: { code: string; enteredWork?: boolean; workStartedOn?: string } }) => void }) {
  const [code, setCode] = useState('');
  const [enteredWork, setEnteredWork] = useState(false);
  const [workStartedOn, setWorkStartedOn] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ outcome: { code, ...(enteredWork ? { enteredWork: true, ...(workStartedOn ? { workStartedOn } : {}) } : {}) } });
      }}
      noValidate
      aria-label="Complete"
    >
      <Field label="Outcome" field="outcome.code" error={error}>
        {(p) => (
          <select {...p} value={code} onChange={(e) => setCode(e.target.value)} autoFocus>
            <option value="">Choose an outcome</option>
            {OUTCOME_CODES.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={enteredWork} onChange={(e) => setEnteredWork(e.target.checked)} /> They entered work
      </label>
      {enteredWork && (
        <Field label="Work started on" field="outcome.workStartedOn" error={error}>
          {(p) => <input {...p} type="date" value={workStartedOn} max={isoDay(new Date())} onChange={(e) => setWorkStartedOn(e.target.value)} />}
        </Field>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Complete the referral
      </button>
    </form>
  );
}

function ServiceForm({ referral, mode, busy, error, onSubmit }: { referral: Referral; mode: 'handoff' | 'route'; busy: boolean; error: unknown; onSubmit: (body: { serviceId: string; reason?: string }) => void }) {
  const { api, partnerName } = useConsole();
  const [services, setServices] = useState<Service[]>([]);
  const [serviceId, setServiceId] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    api.services().then((a) => setServices(a.body.items.filter((s) => s.status === 'active' && (mode === 'route' || s.partnerId !== referral.receivingPartnerId))), () => undefined);
  }, [api, mode, referral.receivingPartnerId]);
  const title = mode === 'handoff' ? 'Hand off' : 'Route';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(mode === 'handoff' ? { serviceId, reason: reason.trim() } : { serviceId });
      }}
      noValidate
      aria-label={title}
    >
      <Field label={mode === 'handoff' ? "Hand off to another partner's service" : 'Route to service'} field="serviceId" error={error}>
        {(p) => (
          <select {...p} value={serviceId} onChange={(e) => setServiceId(e.target.value)} autoFocus>
            <option value="">Choose a service</option>
            {services
              .filter((s) => s.serviceId !== referral.serviceId)
              .map((s) => (
                <option key={s.serviceId} value={s.serviceId}>
                  {s.name} ({partnerName(s.partnerId)})
                </option>
              ))}
          </select>
        )}
      </Field>
      {mode === 'handoff' && (
        <Field label="Reason for the handoff" field="reason" error={error}>
          {(p) => <textarea {...p} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {title}
      </button>
    </form>
  );
}
