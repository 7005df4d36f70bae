import { useEffect, useState } from 'react';
import type { Person, Referral } from '../../api/types';
import { PersonCard } from '../../components/person-card';
import { ProblemNotice } from '../../components/problem-notice';
import { useConsole } from '../../console-context';
import { formatMoment } from '../../lib/format';
import { ChooseService } from './choose-service';
import { DescribeNeeds } from './describe-needs';
import { FindPerson } from './find-person';
import { Journey, NEW_CALL, STEPS, STEP_LABELS, Step } from './journey';
import { RecordConsent } from './record-consent';
import { RegisterPerson } from './register-person';
import { SendReferral } from './send-referral';

/** The main screen: one caller, from "who is calling?" to a referral sent, in at most six steps. */
export function ContactPoint() {
  const { api, partnerName, onLive } = useConsole();
  const [journey, setJourney] = useState<Journey>(NEW_CALL);
  const [sent, setSent] = useState<Referral | undefined>();
  const [error, setError] = useState<unknown>();
  const to = (step: Step, change: Partial<Journey> = {}) => setJourney((j) => ({ ...j, ...change, step }));

  // The person card stays current when someone else records or withdraws their consent meanwhile.
  const personId = journey.person?.personId;
  useEffect(() => {
    if (!personId) return;
    return onLive((n) => {
      if (n.kind === 'person' && n.personId === personId) api.person(personId).then((a) => setJourney((j) => ({ ...j, person: a.body })), () => undefined);
    });
  }, [api, onLive, personId]);

  const pick = async (id: string) => {
    try {
      const { body } = await api.person(id);
      setError(undefined);
      to('consent', { person: body });
    } catch (e) {
      setError(e);
    }
  };
  const { step, person } = journey;
  return (
    <div className="contact-point">
      <div className="journey-head">
        <h1>Contact point</h1>
        <ol className="steps" aria-label="Steps">
          {STEPS.map((s, i) => (
            <li key={s} aria-current={step === s ? 'step' : undefined} className={step === s ? 'current' : ''}>
              <span className="step-number">{i + 1}</span> {STEP_LABELS[s]}
            </li>
          ))}
        </ol>
      </div>
      <div className={person && step !== 'done' ? 'with-aside' : ''}>
        <div className="step-body">
          <ProblemNotice error={error} />
          {step === 'find' && <FindPerson typed={journey.typed} onTyped={(typed) => setJourney((j) => ({ ...j, typed }))} onPick={pick} onRegister={() => to('register')} />}
          {step === 'register' && <RegisterPerson typed={journey.typed} onRegistered={(p) => to('consent', { person: p })} onUseExisting={pick} onBack={() => to('find')} />}
          {step === 'consent' && person && <RecordConsent person={person} onRecorded={(p) => to('needs', { person: p })} onContinue={() => to('needs')} onBack={() => to('find', { person: undefined })} />}
          {step === 'needs' && (
            <DescribeNeeds needs={journey.needs} urgency={journey.urgency} summary={journey.summary} onChange={(c) => setJourney((j) => ({ ...j, ...c, service: undefined }))} onContinue={() => to('suggest')} onBack={() => to('consent')} />
          )}
          {step === 'suggest' && person && <ChooseService person={person} needs={journey.needs} chosen={journey.service} onChoose={(service) => setJourney((j) => ({ ...j, service }))} onContinue={() => to('create')} onBack={() => to('needs')} />}
          {step === 'create' && person && journey.service && (
            <SendReferral
              person={person}
              needs={journey.needs}
              urgency={journey.urgency}
              summary={journey.summary}
              service={journey.service}
              onSent={(r) => {
                setSent(r);
                to('done', { referralId: r.referralId });
              }}
              onBack={() => to('suggest')}
              onFixConsent={() => to('consent')}
            />
          )}
          {step === 'done' && sent && (
            <section aria-labelledby="sent" className="card done">
              <h2 id="sent" tabIndex={-1} ref={(h) => h?.focus()}>
                Referral sent
              </h2>
              <p>
                {journey.service?.name} ({partnerName(sent.receivingPartnerId)}) has it{sent.respondBy ? ` and should respond by ${formatMoment(sent.respondBy)}` : ''}.
                {sent.waitlisted ? ' The service is full: the referral is on its waiting list.' : ''}
              </p>
              <p>
                Reference <code data-testid="referral-id">{sent.referralId}</code>
              </p>
              <div className="actions">
                <a className="button" href={`#/people/${encodeURIComponent(sent.personId)}`}>
                  See the person's timeline
                </a>
                <button
                  className="primary"
                  onClick={() => {
                    setSent(undefined);
                    setJourney(NEW_CALL);
                  }}
                >
                  Take the next call
                </button>
              </div>
            </section>
          )}
        </div>
        {person && step !== 'done' && <PersonCard person={person} />}
      </div>
    </div>
  );
}
