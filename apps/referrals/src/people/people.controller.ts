import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { AccessPolicy, CurrentActor, IfMatch, NoBodyFieldsPipe, etagOf } from '@onedoor/platform';
import type { FastifyReply } from 'fastify';
import { newId } from '@onedoor/platform';
import { ChangePersonCommand, PersonChange, RegisterPersonCommand } from './person.commands';
import { CorrectPersonDetailsDto, DuplicateCheckDto, GiveConsentDto, PersonSearchDto, RegisterPersonDto } from './person.dto';
import { FindPossibleDuplicatesQuery, GetPersonQuery, SearchPeopleQuery } from './person.queries';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly commandBus: CommandBus, private readonly queryBus: QueryBus, private readonly access: AccessPolicy) {}

  @Post()
  @ApiOperation({ summary: 'Register a person at the contact point; a possible duplicate (same name and date of birth) answers 409 until confirmed' })
  async registerPerson(@Body() dto: RegisterPersonDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const { personId = newId(), confirmedNotDuplicate = false, ...details } = dto;
    await this.commandBus.execute(new RegisterPersonCommand(personId, details, confirmedNotDuplicate, actor));
    reply.header('location', `/people/${personId}`);
    return this.present(personId, actor, reply);
  }

  @Get()
  @ApiOperation({ summary: 'Find people by name as you type (and date of birth): only people your partner registered or whose consent covers it' })
  search(@Query() query: PersonSearchDto, @CurrentActor() actor: Actor) {
    return this.queryBus.execute(new SearchPeopleQuery(query.search, actor, query.dateOfBirth, query.limit));
  }

  @Get('duplicates')
  @ApiOperation({ summary: 'The duplicate check: ids of the people already registered with this name and date of birth that you may see, and how many more only the hub can check' })
  duplicates(@Query() query: DuplicateCheckDto, @CurrentActor() actor: Actor) {
    return this.queryBus.execute(new FindPossibleDuplicatesQuery(query.givenName, query.familyName, query.dateOfBirth, actor));
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
    if (dto.scope === 'consortium' && dto.partnerIds !== undefined) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', rule: 'input.invalid', message: 'partnerIds is only for a consent with scope "partners"', fields: [{ field: 'partnerIds', rules: ['partnerIds must be absent when scope is consortium'] }] });
    }
    const scope = dto.scope === 'consortium' ? { kind: 'consortium' as const } : { kind: 'partners' as const, partnerIds: dto.partnerIds ?? [] };
    return this.change(id, { type: 'GiveConsent', consentId: dto.consentId ?? newId(), scope, purposes: dto.purposes, expiresAt: dto.expiresAt }, a, v, r);
  }

  @Post(':personId/consents/:consentId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a consent' })
  withdrawConsent(@Param('personId') id: string, @Param('consentId') consentId: string, @Body(new NoBodyFieldsPipe()) _none: unknown, @CurrentActor() a: Actor, @IfMatch() v: number | undefined, @Res({ passthrough: true }) r: FastifyReply) {
    return this.change(id, { type: 'WithdrawConsent', consentId }, a, v, r);
  }

  @Delete(':personId')
  @ApiOperation({ summary: 'Erase a person: their key is destroyed; every read shows their details as erased, history stays' })
  async erase(@Param('personId') personId: string, @Body(new NoBodyFieldsPipe()) _none: unknown, @CurrentActor() actor: Actor, @IfMatch() v: number | undefined) {
    this.access.knownPerson(personId);
    await this.commandBus.execute(new ChangePersonCommand(personId, { type: 'ErasePerson' }, actor, v));
    return { personId, erased: true };
  }

  private async change(personId: string, change: PersonChange, actor: Actor, expectedVersion: number | undefined, reply: FastifyReply) {
    this.access.visiblePerson(personId, actor);
    await this.commandBus.execute(new ChangePersonCommand(personId, change, actor, expectedVersion));
    return this.present(personId, actor, reply);
  }

  private async present(personId: string, actor: Actor, reply: FastifyReply) {
    const view = await this.queryBus.execute(new GetPersonQuery(personId, actor));
    reply.header('etag', etagOf(view.version));
    return view;
  }
}
