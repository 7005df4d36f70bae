import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, RuleViolation } from '@onedoor/domain';
import { PersonalDataVault } from '@onedoor/personal-data';
import { AccessPolicy, CurrentActor } from '@onedoor/platform';
import { PersonRegister, ReferralBook, personTimeline } from '@onedoor/projections';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class TimelineController {
  constructor(private readonly register: PersonRegister, private readonly book: ReferralBook, private readonly vault: PersonalDataVault, private readonly access: AccessPolicy) {}

  @Get(':personId/timeline')
  @ApiOperation({ summary: "Everything about a person that your partner may see under their consent, oldest first" })
  timeline(@Param('personId') personId: string, @CurrentActor() actor: Actor) {
    if (!this.register.person(personId)) throw new RuleViolation('person.not-found', `no person ${personId}`, 'not-found');
    if (!this.access.maySeePerson(actor, personId)) throw new RuleViolation('person.consent-required', 'consent does not cover your partner for this person', 'forbidden');
    const visibleReferrals = new Set(this.book.forPerson(personId).filter((r) => this.access.maySeeReferral(actor, r)).map((r) => r.referralId));
    const entries = personTimeline(personId, this.register, this.book, this.vault).filter((e) => e.referralId === undefined || visibleReferrals.has(e.referralId));
    return { personId, entries };
  }
}
