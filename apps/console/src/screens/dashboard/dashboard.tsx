import { FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import type { ClaimsReport, DeliveryReport, FunnelReport, Service, WaitingTimesReport } from '../../api/types';
import { ProblemNotice } from '../../components/problem-notice';
import { Field } from '../../components/field';
import { useConsole } from '../../console-context';
import { pounds } from '../../lib/format';
import { BarChart } from './bar-chart';
import { GroupAttendanceForm } from './group-attendance-form';

interface Reports {
  delivery: DeliveryReport;
  funnel: FunnelReport;
  waits: WaitingTimesReport;
  claims: ClaimsReport;
}

/** Delivery against target, the funnel, waits and claims, as of any date and for any month; the hub sees every partner. */
export function Dashboard() {
  const { api, partnerName, actor } = useConsole();
  const [asOf, setAsOf] = useState('');
  const [month, setMonth] = useState('');
  const [applied, setApplied] = useState({ asOf: '', month: '' });
  const [reports, setReports] = useState<Reports | undefined>();
  const [error, setError] = useState<unknown>();
  const [services, setServices] = useState<Service[]>([]);

  const load = useCallback(async () => {
    const a = applied.asOf || undefined;
    const m = applied.month || undefined;
    try {
      const [delivery, funnel, waits, claims] = await Promise.all([api.delivery(a), api.funnel(a, m), api.waitingTimes(a, m), api.claims(a, m)]);
      setReports({ delivery: delivery.body, funnel: funnel.body, waits: waits.body, claims: claims.body });
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, [api, applied]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    api.services().then((s) => setServices(s.body.items.filter((x) => x.partnerId === actor.partnerId && x.status === 'active')), () => undefined);
  }, [api, actor.partnerId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ asOf, month });
  };
  const claimLines = useMemo(() => reports?.claims.contracts.flatMap((c) => c.lines.map((l) => ({ ...l, contract: c.name }))) ?? [], [reports]);
  const byMonth = useMemo(() => {
    const totals = new Map<string, number>();
    for (const l of claimLines) totals.set(l.month, (totals.get(l.month) ?? 0) + l.payablePence);
    return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [claimLines]);

  return (
    <div className="dashboard">
      <h1>{actor.managesConsortium ? 'Hub dashboard' : 'Our delivery'}</h1>
      <form className="row" onSubmit={submit} aria-label="Report period">
        <Field label="As of date" hint="The figures as they stood at the end of that day" field="as_of" error={error}>
          {(p) => <input {...p} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
        </Field>
        <Field label="Month" hint="Funnel, waits and claims for one month" field="month" error={error}>
          {(p) => <input {...p} type="month" value={month} onChange={(e) => setMonth(e.target.value)} placeholder="YYYY-MM" />}
        </Field>
        <button type="submit" className="primary align-end">
          Show
        </button>
      </form>
      <ProblemNotice error={error} />
      {reports && (
        <p className="muted" data-testid="as-of">
          Figures as of {reports.delivery.asOf.slice(0, 10)}
          {applied.month ? ` · month ${applied.month}` : ''}
        </p>
      )}
      {reports && (
        <div className="report-grid">
          {reports.delivery.contracts.map((c) => (
            <section key={c.contractId} className="card report" aria-labelledby={`delivery-${c.contractId}`}>
              <h2 id={`delivery-${c.contractId}`}>Referrals accepted against target · {c.name}</h2>
              <BarChart
                title={`Referrals accepted per partner in ${c.name}; the mark is what was expected by now`}
                bars={c.partners.map((p) => ({ label: partnerName(p.partnerId), value: p.referralsAccepted.actual, marker: p.referralsAccepted.expectedToDate, text: p.referralsAccepted.target ? `${p.referralsAccepted.actual} / ${p.referralsAccepted.target}` : String(p.referralsAccepted.actual) }))}
              />
              <table className="items numbers" data-testid="delivery-table">
                <thead>
                  <tr>
                    <th scope="col">Partner</th>
                    <th scope="col">Accepted</th>
                    <th scope="col">Expected by now</th>
                    <th scope="col">Target</th>
                    <th scope="col">Started</th>
                  </tr>
                </thead>
                <tbody>
                  {c.partners.map((p) => (
                    <tr key={p.partnerId}>
                      <th scope="row">{partnerName(p.partnerId)}</th>
                      <td>{p.referralsAccepted.actual}</td>
                      <td>{p.referralsAccepted.expectedToDate ?? '—'}</td>
                      <td>{p.referralsAccepted.target ?? '—'}</td>
                      <td>{p.participantsStarted.actual}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <section className="card report" aria-labelledby="funnel-title">
            <h2 id="funnel-title">Referral funnel</h2>
            <BarChart
              title="Referrals received, accepted, with a first interaction, and completed"
              bars={[
                { label: 'Received', value: reports.funnel.total.received },
                { label: 'Accepted', value: reports.funnel.total.accepted },
                { label: 'First support', value: reports.funnel.total.firstInteraction },
                { label: 'Completed', value: reports.funnel.total.completed },
              ]}
            />
            <table className="items numbers" data-testid="funnel-table">
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  <th scope="col">Received</th>
                  <th scope="col">Accepted</th>
                  <th scope="col">First support</th>
                  <th scope="col">Completed</th>
                </tr>
              </thead>
              <tbody>
                {reports.funnel.partners.map((p) => (
                  <tr key={p.partnerId}>
                    <th scope="row">{partnerName(p.partnerId)}</th>
                    <td>{p.received}</td>
                    <td>{p.accepted}</td>
                    <td>{p.firstInteraction}</td>
                    <td>{p.completed}</td>
                  </tr>
                ))}
                <tr className="total">
                  <th scope="row">All</th>
                  <td>{reports.funnel.total.received}</td>
                  <td>{reports.funnel.total.accepted}</td>
                  <td>{reports.funnel.total.firstInteraction}</td>
                  <td>{reports.funnel.total.completed}</td>
                </tr>
              </tbody>
            </table>
          </section>
          <section className="card report" aria-labelledby="waits-title">
            <h2 id="waits-title">Waiting times to first support</h2>
            <BarChart title="Median days from referral to first support, per partner; the mark is the 90th percentile" unit=" d" bars={reports.waits.partners.map((p) => ({ label: partnerName(p.partnerId), value: p.p50Days ?? 0, marker: p.p90Days, text: p.p50Days !== undefined ? `${p.p50Days} d (p90 ${p.p90Days} d)` : 'none yet' }))} />
            <table className="items numbers" data-testid="waits-table">
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  <th scope="col">Median days</th>
                  <th scope="col">90th percentile</th>
                  <th scope="col">Measured</th>
                  <th scope="col">Still waiting</th>
                </tr>
              </thead>
              <tbody>
                {reports.waits.partners.map((p) => (
                  <tr key={p.partnerId}>
                    <th scope="row">{partnerName(p.partnerId)}</th>
                    <td>{p.p50Days ?? '—'}</td>
                    <td>{p.p90Days ?? '—'}</td>
                    <td>{p.measured}</td>
                    <td>{p.stillWaiting}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card report wide" aria-labelledby="claims-title">
            <h2 id="claims-title">Payment-by-results claims</h2>
            <BarChart title="Payable to partners per month, after adjustments, clawbacks and the hub fee" bars={byMonth.map(([m, pence]) => ({ label: m, value: pence / 100, text: pounds(pence) }))} />
            <table className="items numbers" data-testid="claims-table">
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Partner</th>
                  <th scope="col">Milestones</th>
                  <th scope="col">Claims</th>
                  <th scope="col">Adjustments</th>
                  <th scope="col">Clawbacks</th>
                  <th scope="col">Hub fee</th>
                  <th scope="col">Payable</th>
                </tr>
              </thead>
              <tbody>
                {claimLines.map((l) => (
                  <tr key={`${l.contract}-${l.month}-${l.partnerId}`}>
                    <td>{l.month}</td>
                    <th scope="row">{partnerName(l.partnerId)}</th>
                    <td>{l.milestones.map((m) => `${m.count} × ${m.milestoneId}`).join(', ') || '—'}</td>
                    <td>{pounds(l.claimsPence)}</td>
                    <td>{pounds(l.adjustmentsPence)}</td>
                    <td>{pounds(l.clawbacksPence)}</td>
                    <td>{pounds(l.hubFeePence)}</td>
                    <td>{pounds(l.payablePence)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
      {services.length > 0 && <GroupAttendanceForm services={services} onRecorded={load} />}
    </div>
  );
}
