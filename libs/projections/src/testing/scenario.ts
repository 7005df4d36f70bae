import { randomUUID } from 'node:crypto';
import {
  Actor,
  ConsortiumCommand,
  Decider,
  EVENT_SCHEMA_VERSIONS,
  PersonCommand,
  PersonFacts,
  PersonalDetails,
  ReferralCommand,
  RoutingTarget,
  ServiceCommand,
  consortiumDecider,
  fold,
  personDecider,
  referralDecider,
  serviceDecider,
  streams,
} from '@onedoor/domain';
import { UNUSED_DIRECTORY_SHARE } from '@onedoor/domain/testing/unused-directory-share';
import { AppendResult, InMemoryEventStore } from '@onedoor/event-store';
import { InMemoryPersonKeyStore, PersonalDataVault } from '@onedoor/personal-data';
import { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';

/** A service command whose directory share may be left out: specs about other things start with none used. */
type ServiceCommandInScenario = ServiceCommand extends infer C ? (C extends { directoryShare: unknown } ? Omit<C, 'directoryShare'> & Partial<Pick<C, 'directoryShare'>> : C) : never;

/** Spec helper: runs real domain deciders and appends what they decide, so read models see true events. */
export class Scenario {
  readonly store = new InMemoryEventStore();
  readonly vault = new PersonalDataVault(new InMemoryPersonKeyStore());

  async consortium(command: ConsortiumCommand): Promise<AppendResult> {
    return this.run(consortiumDecider, streams.consortium('c1'), command);
  }

  async service(serviceId: string, command: ServiceCommandInScenario): Promise<AppendResult> {
    const withShare = 'directoryShare' in command || (command.type !== 'ListService' && command.type !== 'UpdateService') ? command : { ...command, directoryShare: UNUSED_DIRECTORY_SHARE };
    return this.run(serviceDecider, streams.service(serviceId), withShare as ServiceCommand);
  }

  async person(personId: string, command: PersonCommand): Promise<AppendResult> {
    return this.run(personDecider, streams.person(personId), command);
  }

  async referral(referralId: string, command: ReferralCommand): Promise<AppendResult> {
    return this.run(referralDecider, streams.referral(referralId), command);
  }

  /** Rebuilds the projections from the whole log and returns them, caught up to its head. */
  async project<P extends Projection[]>(...projections: P): Promise<P> {
    const runner = new ProjectionRunner(this.store, projections);
    runner.start();
    await runner.waitFor(await this.store.headPosition());
    await runner.stop();
    return projections;
  }

  /** What referral commands need to know about the person, from the person's own stream. */
  async facts(personId: string): Promise<PersonFacts> {
    const state = fold(personDecider, await this.past(streams.person(personId)));
    return { status: state.status, consents: state.consents };
  }

  /** Registers a person with details sealed under their own key, and a consortium-wide referral consent. */
  async register(personId: string, details: PersonalDetails, by: Actor, at: string, possibleDuplicateIds: string[] = []): Promise<AppendResult> {
    await this.person(personId, {
      type: 'RegisterPerson', personId, personal: await this.vault.seal(personId, details), possibleDuplicateIds,
      confirmedNotDuplicate: possibleDuplicateIds.length > 0, actor: by, at,
    });
    return this.person(personId, {
      type: 'GiveConsent', consentId: `consent-${personId}`, scope: { kind: 'consortium' }, purposes: ['referral', 'case-management'],
      memberPartnerIds: [], actor: by, at,
    });
  }

  /** Any decider's command on its stream: for aggregates without a helper of their own. */
  async run<C, E extends { type: string; data: object }, S>(decider: Decider<C, E, S>, stream: string, command: C): Promise<AppendResult> {
    const past = await this.past<E>(stream);
    const events = decider.decide(command, fold(decider, past));
    return this.store.append(
      stream,
      events.map((e) => ({
        id: randomUUID(),
        type: e.type,
        schemaVersion: EVENT_SCHEMA_VERSIONS[e.type as keyof typeof EVENT_SCHEMA_VERSIONS],
        data: e.data as Record<string, unknown>,
      })),
      past.length,
    );
  }

  private async past<E>(stream: string): Promise<E[]> {
    return (await this.store.readStream(stream)).map((e) => ({ type: e.type, data: e.data }) as E);
  }
}

export const actor = (partnerId: string, managesConsortium = false): Actor => ({ staffId: `staff-${partnerId}`, partnerId, managesConsortium });
export const hub = actor('hub', true);
export const front = actor('front');
export const jobs = actor('jobs');
export const debt = actor('debt');

export const target = (partnerId: string, serviceId: string, waitlisted = false): RoutingTarget => ({
  serviceId, partnerId, serviceActive: true, partnerIsMember: true, waitlisted, waitlistClosed: false,
});

export const amira: PersonalDetails = { givenName: 'Amira', familyName: 'Khan', dateOfBirth: '1990-05-04', phone: '07700 900123' };
export const zoe: PersonalDetails = { givenName: 'Zoë', familyName: "O'Brien", dateOfBirth: '1985-11-30' };

/**
 * A small umbrella consortium: the hub, a front-door partner, an employment charity and a debt-advice
 * charity with one service each. Returns once everything is appended.
 */
export async function seedConsortium(s: Scenario, at = '2026-03-01T09:00:00.000Z'): Promise<void> {
  await s.consortium({ type: 'FormConsortium', consortiumId: 'c1', name: 'Calder Valley Wellbeing', structure: 'umbrella', at });
  await s.consortium({ type: 'AdmitPartner', partnerId: 'hub', name: 'Calder Hub', role: 'hub', at });
  for (const [partnerId, name] of [['front', 'Front Door Trust'], ['jobs', 'Jobs Together'], ['debt', 'Debt Advice Calder']]) {
    await s.consortium({ type: 'AdmitPartner', partnerId, name, role: 'delivery', actor: hub, at });
  }
  await s.service('svc-jobs', {
    type: 'ListService', serviceId: 'svc-jobs', name: 'Into Work', description: 'One-to-one employment support and CV help',
    needs: ['employment'], localities: ['Halifax'], communities: [], eligibility: { minimumAge: 18 },
    capacity: { available: 10, maximum: 10, unit: 'places' }, partnerIsMember: true, actor: jobs, at,
  });
  await s.service('svc-debt', {
    type: 'ListService', serviceId: 'svc-debt', name: 'Débt Clinic', description: 'Debt advice and budgeting',
    needs: ['debt-advice'], localities: ['Halifax', 'Todmorden'], communities: ['carers'], eligibility: {},
    capacity: { available: 0, maximum: 5, unit: 'appointments-per-week' }, partnerIsMember: true, actor: debt, at,
  });
}
