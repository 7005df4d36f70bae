import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, RuleViolation } from '@onedoor/domain';
import { AccessPolicy, Clock, CurrentActor, IfMatch, etagOf } from '@onedoor/platform';
import { PersonRegister } from '@onedoor/projections';
import type { FastifyReply } from 'fastify';
import { newId } from '../shared/id';
import { ChangePersonCommand, PersonChange, RegisterPersonCommand } from './person.commands';
import { CorrectPersonDetailsDto, DuplicateCheckDto, GiveConsentDto, RegisterPersonDto } from './person.dto';
import { personView } from './person-view';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly commandBus: CommandBus, private readonly register: PersonRegister, private readonly access: AccessPolicy, private readonly clock: Clock) {}

  @Post()
  @ApiOperation({ summary: 'Register a person at the contact point; a possible duplicate (same name and date of birth) answers 409 until confirmed' })
  async registerPerson(@Body() dto: RegisterPersonDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const { personId = newId(), confirmedNotDuplicate = false, ...details } = dto;
    await this.commandBus.execute(new RegisterPersonCommand(personId, details, confirmedNotDuplicate, actor));
    reply.header('location', `/people/${personId}`);
    return this.present(personId, actor, reply);
  }

  @Get('duplicates')
  @ApiOperation({ summary: 'The duplicate check: ids of people already registered with this name and date of birth' })
  duplicates(@Query() query: DuplicateCheckDto) {
    return { possibleDuplicateIds: this.register.possibleDuplicates(query.givenName, query.familyName, query.dateOfBirth) };
  }

  @Get(':personId')
  @ApiOperation({ summary: 'A person, if your partner registered them or their consent covers it' })
  get(@Param('personId') personId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.present(personId, actor, reply);
  }

  @Patch(':personId')
  @ApiOperation({ summary: 'Correct personal details' })
  correct(@Param('personId') id: string, @Body() dto: CorrectPersonDetailsDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.change(id, { type: 'CorrectPersonDetails', details: dto }, a, v, r);
  }

  @Post(':personId/consents')
  @ApiOperation({ summary: 'Record consent: which partners (or the whole consortium), for what purposes, until when' })
  giveConsent(@Param('personId') id: string, @Body() dto: GiveConsentDto, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    const scope = dto.scope === 'consortium' ? { kind: 'consortium' as const } : { kind: 'partners' as const, partnerIds: dto.partnerIds ?? [] };
    return this.change(id, { type: 'GiveConsent', consentId: dto.consentId ?? newId(), scope, purposes: dto.purposes, expiresAt: dto.expiresAt }, a, v, r);
  }

  @Post(':personId/consents/:consentId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a consent' })
  withdrawConsent(@Param('personId') id: string, @Param('consentId') consentId: string, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.change(id, { type: 'WithdrawConsent', consentId }, a, v, r);
  }

  @Delete(':personId')
  @ApiOperation({ summary: "Erase a person: their key is destroyed; every read shows their details as erased, history stays" })
  async erase(@Param('personId') personId: string, @CurrentActor() actor: Actor, @IfMatch() v: number | undefined) {
    this.ensureKnown(personId);
    await this.commandBus.execute(new ChangePersonCommand(personId, { type: 'ErasePerson' }, actor, v));
    return { personId, erased: true };
  }

  private async change(personId: string, change: PersonChange, actor: Actor, expectedVersion: number | undefined, reply: FastifyReply) {
    this.ensureKnown(personId);
    this.ensureMaySee(personId, actor);
    await this.commandBus.execute(new ChangePersonCommand(personId, change, actor, expectedVersion));
    return this.present(personId, actor, reply);
  }

  private ensureKnown(personId: string) {
    const record = this.register.person(personId);
    if (!record) throw new RuleViolation('person.not-found', `no person ${personId}`, 'not-found');
    return record;
  }

  private ensureMaySee(personId: string, actor: Actor) {
    if (!this.access.maySeePerson(actor, personId)) throw new RuleViolation('person.consent-required', 'consent does not cover your partner for this person', 'forbidden');
  }

  private present(personId: string, actor: Actor, reply: FastifyReply) {
    const record = this.ensureKnown(personId);
    this.ensureMaySee(personId, actor);
    reply.header('etag', etagOf(record.version));
    return personView(record, this.register, this.clock.now());
  }
}
