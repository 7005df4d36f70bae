import { given } from '../testing/given-when-then';
import { consortiumDecider } from './consortium-decider';
import { ConsortiumEvent } from './consortium-events';
import { Actor } from '../shared/actor';

const at = '2026-01-05T09:00:00.000Z';
const hubActor: Actor = { staffId: 's-hub', partnerId: 'hub', managesConsortium: true };
const memberActor: Actor = { staffId: 's-a', partnerId: 'a', managesConsortium: false };

const formed = (structure: 'umbrella' | 'lead-partner' | 'partnership-of-equals' = 'umbrella'): ConsortiumEvent => ({
  type: 'ConsortiumFormed',
  data: { consortiumId: 'c1', name: 'Wellbeing', structure, formedAt: at },
});
const joined = (partnerId: string, role: 'hub' | 'lead' | 'delivery' = 'delivery'): ConsortiumEvent => ({
  type: 'PartnerJoined',
  data: { consortiumId: 'c1', partnerId, name: partnerId.toUpperCase(), role, joinedAt: at },
});

describe('consortium', () => {
  describe('forming', () => {
    it('is formed with a structure', () => {
      given(consortiumDecider, [])
        .when({ type: 'FormConsortium', consortiumId: 'c1', name: ' Wellbeing ', structure: 'umbrella', at })
        .then([formed()]);
    });
    it('cannot be formed twice', () => {
      given(consortiumDecider, [formed()])
        .when({ type: 'FormConsortium', consortiumId: 'c1', name: 'Again', structure: 'umbrella', at })
        .thenViolates('consortium.already-formed', 'conflict');
    });
    it('a member that does not manage it is refused, not told it is formed', () => {
      given(consortiumDecider, [formed(), joined('hub', 'hub'), joined('a')])
        .when({ type: 'FormConsortium', consortiumId: 'c1', name: 'Rival', structure: 'umbrella', at, actor: memberActor })
        .thenViolates('consortium.only-manager-forms', 'forbidden');
      given(consortiumDecider, [formed(), joined('hub', 'hub'), joined('a')])
        .when({ type: 'FormConsortium', consortiumId: 'c1', name: 'Again', structure: 'umbrella', at, actor: hubActor })
        .thenViolates('consortium.already-formed', 'conflict');
    });
    it('rejects an unknown structure', () => {
      given(consortiumDecider, [])
        .when({ type: 'FormConsortium', consortiumId: 'c1', name: 'X', structure: 'cartel' as never, at })
        .thenViolates('consortium.structure-unknown');
    });
    it('needs a name', () => {
      given(consortiumDecider, []).when({ type: 'FormConsortium', consortiumId: 'c1', name: '  ', structure: 'umbrella', at }).thenViolates('consortium.name-required');
    });
  });

  describe('partners joining', () => {
    it('admits the first partner without an actor (bootstrap)', () => {
      given(consortiumDecider, [formed()])
        .when({ type: 'AdmitPartner', partnerId: 'hub', name: 'HUB', role: 'hub', at })
        .then([{ type: 'PartnerJoined', data: { consortiumId: 'c1', partnerId: 'hub', name: 'HUB', role: 'hub', joinedAt: at, admittedBy: undefined } }]);
    });
    it('needs a formed consortium', () => {
      given(consortiumDecider, []).when({ type: 'AdmitPartner', partnerId: 'a', name: 'A', role: 'delivery', at }).thenViolates('consortium.not-formed', 'conflict');
    });
    it('only the managing partner admits once there are members', () => {
      given(consortiumDecider, [formed(), joined('hub', 'hub'), joined('a')])
        .when({ type: 'AdmitPartner', partnerId: 'b', name: 'B', role: 'delivery', actor: memberActor, at })
        .thenViolates('consortium.only-manager-admits', 'forbidden');
    });
    it('refuses a partner that is already a member', () => {
      given(consortiumDecider, [formed(), joined('hub', 'hub'), joined('a')])
        .when({ type: 'AdmitPartner', partnerId: 'a', name: 'A', role: 'delivery', actor: hubActor, at })
        .thenViolates('consortium.already-member', 'conflict');
    });
    it('an umbrella has one hub', () => {
      given(consortiumDecider, [formed(), joined('hub', 'hub')])
        .when({ type: 'AdmitPartner', partnerId: 'hub2', name: 'HUB2', role: 'hub', actor: hubActor, at })
        .thenViolates('consortium.single-manager', 'conflict');
    });
    it('an umbrella has no lead partner', () => {
      given(consortiumDecider, [formed(), joined('hub', 'hub')])
        .when({ type: 'AdmitPartner', partnerId: 'l', name: 'L', role: 'lead', actor: hubActor, at })
        .thenViolates('consortium.role-not-in-structure');
    });
    it('a partnership of equals has only delivery partners', () => {
      given(consortiumDecider, [formed('partnership-of-equals')])
        .when({ type: 'AdmitPartner', partnerId: 'h', name: 'H', role: 'hub', at })
        .thenViolates('consortium.role-not-in-structure');
    });
    it('a lead-partner consortium admits its lead', () => {
      const [event] = given(consortiumDecider, [formed('lead-partner')]).when({ type: 'AdmitPartner', partnerId: 'l', name: 'L', role: 'lead', at }).events();
      expect(event).toMatchObject({ type: 'PartnerJoined', data: { role: 'lead' } });
    });
    it('a partner that left can rejoin', () => {
      const left: ConsortiumEvent = { type: 'PartnerLeft', data: { consortiumId: 'c1', partnerId: 'a', openReferralIds: [], leftAt: at } };
      const [event] = given(consortiumDecider, [formed(), joined('hub', 'hub'), joined('a'), left])
        .when({ type: 'AdmitPartner', partnerId: 'a', name: 'A', role: 'delivery', actor: hubActor, at })
        .events();
      expect(event.type).toBe('PartnerJoined');
    });
  });

  describe('partners leaving', () => {
    const members = [formed(), joined('hub', 'hub'), joined('a'), joined('b')];
    it('leaves freely with no open referrals', () => {
      given(consortiumDecider, members)
        .when({ type: 'RemovePartner', partnerId: 'a', openReferralIds: [], actor: memberActor, at })
        .then([{ type: 'PartnerLeft', data: { consortiumId: 'c1', partnerId: 'a', successorPartnerId: undefined, openReferralIds: [], leftAt: at, removedBy: 'a' } }]);
    });
    it('cannot orphan open referrals', () => {
      const violation = given(consortiumDecider, members)
        .when({ type: 'RemovePartner', partnerId: 'a', openReferralIds: ['r1', 'r2'], actor: memberActor, at })
        .thenViolates('consortium.open-referrals-need-successor', 'conflict');
      expect(violation.details).toEqual({ openReferrals: 2 });
    });
    it('leaves with a successor who takes the open referrals', () => {
      const [event] = given(consortiumDecider, members)
        .when({ type: 'RemovePartner', partnerId: 'a', successorPartnerId: 'b', openReferralIds: ['r1'], actor: hubActor, at })
        .events();
      expect(event).toMatchObject({ type: 'PartnerLeft', data: { partnerId: 'a', successorPartnerId: 'b', openReferralIds: ['r1'] } });
    });
    it('the successor must be a current member', () => {
      given(consortiumDecider, members)
        .when({ type: 'RemovePartner', partnerId: 'a', successorPartnerId: 'zzz', openReferralIds: ['r1'], actor: hubActor, at })
        .thenViolates('consortium.successor-not-member');
    });
    it('a partner cannot succeed itself', () => {
      given(consortiumDecider, members)
        .when({ type: 'RemovePartner', partnerId: 'a', successorPartnerId: 'a', openReferralIds: ['r1'], actor: hubActor, at })
        .thenViolates('consortium.successor-is-leaver');
    });
    it('another delivery partner cannot remove it', () => {
      given(consortiumDecider, members)
        .when({ type: 'RemovePartner', partnerId: 'b', openReferralIds: [], actor: memberActor, at })
        .thenViolates('consortium.only-self-or-manager-removes', 'forbidden');
    });
    it('an unknown partner cannot leave', () => {
      given(consortiumDecider, members)
        .when({ type: 'RemovePartner', partnerId: 'x', openReferralIds: [], actor: hubActor, at })
        .thenViolates('consortium.not-a-member', 'not-found');
    });
  });
});
